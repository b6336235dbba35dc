//! The render time of a layout plan of 200 shapes (issue 20's target: under 5 ms), and the time
//! to read and check its JSON. Run: `cargo run --release -p domain --example bench_plan`.
use domain::plan::{Plan, sample, svg};
use std::time::{Duration, Instant};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let plan = sample(200);
    let options = svg::Options {
        title: "Plan de 200 formes",
        size: Some(("600mm".into(), "400mm".into())),
        editable: true,
    };
    let rounds = 2_000;
    let mut render = Vec::with_capacity(rounds);
    let mut bytes = 0;
    for _ in 0..rounds {
        let t = Instant::now();
        let out = svg::render(&plan, &options);
        render.push(t.elapsed());
        bytes = out.len();
    }
    let json = plan.to_json();
    let mut read = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let t = Instant::now();
        let p = Plan::from_json(&json).expect("the sample plan reads");
        read.push(t.elapsed());
        assert_eq!(p.shapes.len(), 200);
    }
    let worst = *render.iter().max().unwrap_or(&Duration::ZERO);
    let render_median = median(render);
    println!("plan of {} shapes, SVG of {bytes} bytes", plan.shapes.len());
    println!(
        "render: median {:.3} ms, worst {:.3} ms (target < 5 ms)",
        render_median.as_secs_f64() * 1e3,
        worst.as_secs_f64() * 1e3
    );
    println!(
        "read and check the JSON: median {:.3} ms",
        median(read).as_secs_f64() * 1e3
    );
    if render_median > Duration::from_millis(5) {
        eprintln!("over the 5 ms target");
        std::process::exit(1);
    }
}
