//! Diagnostics: the shipped definitions are valid and complete, scoring matches cases computed
//! by hand, scores stay within bounds and never fall when an answer rises, and validation
//! names each problem.
use domain::diagnostic::{
    Answer, Answers, Definition, DefinitionError, Kind, Question, outcome, quartiles,
    quartiles_of_counts, read_page, score, shipped, shipped_json,
};

fn def(id: &str) -> &'static Definition {
    shipped().iter().find(|d| d.id == id).expect("shipped")
}

fn one(k: &str) -> Answer {
    Answer::Text(k.into())
}
fn many(ks: &[&str]) -> Answer {
    Answer::Many(ks.iter().map(|k| k.to_string()).collect())
}
fn n(v: i64) -> Answer {
    Answer::Number(v)
}
fn answers(list: &[(&str, Answer)]) -> Answers {
    list.iter()
        .map(|(k, a)| (k.to_string(), a.clone()))
        .collect()
}

#[test]
fn shipped_definitions_are_valid_and_complete() {
    assert_eq!(shipped().len(), 2);
    let ready = def("projet-pret");
    let count = ready.questions().count();
    assert!((25..=40).contains(&count), "{count} questions");
    assert_eq!(ready.dimensions.len(), 8);
    let impact = def("mesure-impact");
    assert_eq!(impact.dimensions.len(), 5);
    for d in shipped() {
        d.validate().unwrap();
        for kind in [Kind::Single, Kind::Multiple, Kind::Scale, Kind::Number] {
            assert!(
                d.questions().any(|q| q.kind == kind),
                "{} lacks {kind:?}",
                d.id
            );
        }
        assert!(d.questions().any(|q| q.condition.is_some()), "{}", d.id);
        // Every dimension has a recommendation for every level but the top one.
        for dim in &d.dimensions {
            for level in &d.levels[..d.levels.len() - 1] {
                assert!(
                    d.recommendations
                        .iter()
                        .any(|r| r.dimension.as_deref() == Some(dim.key.as_str())
                            && r.levels.contains(&level.key)),
                    "{} {} {}",
                    d.id,
                    dim.key,
                    level.key
                );
            }
        }
        for level in &d.levels {
            assert!(
                d.recommendations
                    .iter()
                    .any(|r| r.dimension.is_none() && r.levels.contains(&level.key)),
                "{} overall {}",
                d.id,
                level.key
            );
        }
    }
    assert_eq!(shipped_json().len(), 2);
}

/// A mixed set of answers to « Mon projet est-il prêt ? », scored by hand below.
fn ready_answers() -> Answers {
    answers(&[
        ("probleme-formule", one("a-peu-pres")),
        ("probleme-preuves", many(&["vecu", "entretiens"])),
        ("probleme-entretiens", n(7)),
        ("probleme-beneficiaires", n(4)),
        (
            "solution-resume",
            one("Un atelier vélo au pied des immeubles"),
        ),
        ("solution-test", one("non")),
        // Not asked (no test yet): ignored even though it is stored.
        ("solution-retours", one("reviennent")),
        ("solution-difference", n(5)),
        ("solution-simple", n(3)),
        ("equipe-taille", one("deux")),
        ("equipe-temps", one("soirees")),
        (
            "equipe-competences",
            many(&["metier", "gestion", "animation"]),
        ),
        ("partenaires-types", many(&["mairie"])),
        ("partenaires-engagement", one("ecrit")),
        ("partenaires-lieu", one("pistes")),
        ("modele-recettes", many(&["ventes", "subventions", "dons"])),
        ("modele-budget", one("ecrit")),
        ("modele-besoin", n(12_000)),
        ("modele-financement", one("pistes")),
        ("modele-prix", n(2)),
        ("juridique-forme", one("choisie")),
        ("juridique-gouvernance", n(1)),
        (
            "juridique-obligations",
            many(&["assurance", "autorisations"]),
        ),
        ("mesure-changement", one("precis")),
        ("mesure-indicateurs", n(2)),
        ("mesure-collecte", one("parfois")),
        ("mesure-partage", n(5)),
        ("lancement-etapes", one("datees")),
        ("lancement-premier-test", one("non")),
        ("lancement-risques", n(3)),
    ])
}

#[test]
fn ready_scores_computed_by_hand() {
    let d = def("projet-pret");
    let s = score(d, &ready_answers());
    // probleme: (2×1/3 + 2×3/6 + 1×2/3 [7 interviews: band from 5] + 1×3/4) / 6 = 0.5139
    // solution: (3×0 + 2×1 + 1×2/4) / 6 = 0.4167 (feedback not asked)
    // equipe: (2×2/3 + 2×1/3 + 2×3/5 + 1×0 [unanswered]) / 7 = 0.4571
    // partenaires: (2×1/5 + 3×3/3 + 1×1/2) / 6 = 0.65
    // modele: (2×3/5 + 3×2/3 + 2×1/3 + 1×1/4) / 8 = 0.5146 (the amount needed carries no points)
    // juridique: (2×2/3 + 2×0 + 2×2/4) / 6 = 0.3889
    // mesure: (3×1 + 2×2/3 + 2×1/2 + 1×1) / 8 = 0.7917
    // lancement: (1×2/4 + 1×1/3 + 1×1/2 + 3×2/3 + 2×0 + 2×2/4) / 10 = 0.4333
    let expected = [
        ("probleme", 51),
        ("solution", 42),
        ("equipe", 46),
        ("partenaires", 65),
        ("modele", 51),
        ("juridique", 39),
        ("mesure", 79),
        ("lancement", 43),
    ];
    let got: Vec<(&str, u8)> = s.dimensions.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(got, expected);
    // Overall: mean of the exact dimension scores = 4.1662 / 8 = 0.5208.
    assert_eq!(s.overall, 52);

    let o = outcome(d, &s);
    assert_eq!(o.overall_level, "en-construction");
    assert_eq!(o.strengths, ["mesure"]);
    assert_eq!(o.priorities, ["juridique", "solution", "lancement"]);
    let titles: Vec<&str> = o
        .recommendations
        .iter()
        .map(|r| r.title.fr.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Clarifie le cadre juridique",
            "Affûte ta proposition de valeur",
            "Planifie tes trois prochains mois",
            "Fais relire ton projet"
        ]
    );
    let levels: Vec<&str> = o.levels.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(
        levels,
        [
            "en-construction",
            "en-construction",
            "en-construction",
            "en-construction",
            "en-construction",
            "a-explorer",
            "pret",
            "en-construction"
        ]
    );

    // Once a test has happened, the feedback question counts: (3×2/3 + 2×1 + 2×1 + 1×2/4) / 8.
    let mut tested = ready_answers();
    tested.insert("solution-test".into(), one("pilote"));
    assert_eq!(score(d, &tested).get("solution"), Some(81));
}

#[test]
fn ready_extremes() {
    let d = def("projet-pret");
    let mut best = Answers::new();
    let mut worst = Answers::new();
    for q in d.questions() {
        match q.kind {
            Kind::Single => {
                let top = q.options.iter().max_by_key(|o| o.points).unwrap();
                let low = q.options.iter().min_by_key(|o| o.points).unwrap();
                best.insert(q.key.clone(), one(&top.key));
                worst.insert(q.key.clone(), one(&low.key));
            }
            Kind::Multiple => {
                let all: Vec<&str> = q.options.iter().map(|o| o.key.as_str()).collect();
                best.insert(q.key.clone(), many(&all));
            }
            Kind::Scale => {
                best.insert(q.key.clone(), n(5));
                worst.insert(q.key.clone(), n(1));
            }
            Kind::Number => {
                best.insert(q.key.clone(), n(1000));
                worst.insert(q.key.clone(), n(0));
            }
            _ => {}
        }
    }
    let top = score(d, &best);
    assert!(top.dimensions.iter().all(|(_, s)| *s == 100), "{top:?}");
    assert_eq!(top.overall, 100);
    let o = outcome(d, &top);
    assert_eq!(o.overall_level, "pret");
    assert_eq!(o.strengths.len(), 3);
    assert!(o.priorities.is_empty());
    assert_eq!(o.recommendations.len(), 1);
    let bottom = score(d, &worst);
    assert!(bottom.dimensions.iter().all(|(_, s)| *s == 0), "{bottom:?}");
    assert_eq!(score(d, &Answers::new()).overall, 0);
    assert_eq!(outcome(d, &bottom).overall_level, "a-explorer");
}

fn impact_answers() -> Answers {
    answers(&[
        ("quoi-changement", one("vague")),
        ("quoi-importance", n(3)),
        ("quoi-negatif", one("liste")),
        ("quoi-odd", many(&["social", "environnement"])),
        ("qui-public", one("precis")),
        ("qui-besoin", n(5)),
        ("qui-parole", one("parfois")),
        ("combien-indicateurs", n(4)),
        ("combien-situation-depart", one("partiel")),
        ("combien-frequence", one("annuelle")),
        ("combien-duree", n(2)),
        ("contribution-sans", n(1)),
        ("contribution-autres", one("quelques")),
        ("contribution-comparaison", one("non")),
        (
            "risque-identifies",
            many(&["adhesion", "financement", "effets"]),
        ),
        ("risque-revue", one("regulier")),
        ("risque-communication", n(4)),
    ])
}

#[test]
fn impact_scores_computed_by_hand() {
    let d = def("mesure-impact");
    let s = score(d, &impact_answers());
    // quoi: (3×1/3 + 2×2/4 + 1×2/2) / 6 = 0.5 (the broad issues carry no points)
    // qui: (3×1 + 2×1 + 2×1/2) / 7 = 0.8571
    // combien: (2×2/3 [4 indicators: band from 3] + 3×1/2 + 2×1/3 + 1×1/4) / 8 = 0.46875
    // contribution: (3×0 + 2×1/2 + 2×0 + 1×1/2) / 8 = 0.1875
    // risque: (2×3/4 + 3×2/3 + 1×3/4 + 1×1 + 1×1/2) / 8 = 0.71875
    let got: Vec<(&str, u8)> = s.dimensions.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(
        got,
        [
            ("quoi", 50),
            ("qui", 86),
            ("combien", 47),
            ("contribution", 19),
            ("risque", 72)
        ]
    );
    // Overall: (0.5 + 0.8571 + 0.46875 + 0.1875 + 0.71875) / 5 = 0.5464.
    assert_eq!(s.overall, 55);
    let o = outcome(d, &s);
    assert_eq!(o.overall_level, "structuree");
    assert_eq!(o.strengths, ["qui", "risque"]);
    assert_eq!(o.priorities, ["contribution", "combien", "quoi"]);

    // With no written change, the lasting-change question is not asked:
    // quoi (3×0 + 2×2/4 + 1×1) / 6 = 0.3333; combien (2×2/3 + 3×1/2 + 2×1/3) / 7 = 0.5.
    let mut a = impact_answers();
    a.insert("quoi-changement".into(), one("non"));
    let s = score(d, &a);
    assert_eq!((s.get("quoi"), s.get("combien")), (Some(33), Some(50)));
    assert!(!d.missing(&a).iter().any(|(_, k)| k == "combien-duree"));
}

#[test]
fn missing_and_progress_follow_conditions() {
    let d = def("projet-pret");
    let a = ready_answers();
    let missing: Vec<String> = d.missing(&a).into_iter().map(|(_, k)| k).collect();
    assert_eq!(missing, ["equipe-benevoles"]);
    let (answered, asked) = d.progress(&a);
    // 32 questions, feedback not asked; 29 stored answers fit asked questions.
    assert_eq!((answered, asked), (29, 31));
}

#[test]
fn pages_are_read_with_clear_errors() {
    let d = def("projet-pret");
    let fields: Vec<(String, String)> = [
        ("q-probleme-formule", "oui"),
        ("q-probleme-preuves", "chiffres"),
        ("q-probleme-preuves", "vecu"),
        ("q-probleme-entretiens", "douze"),
        ("q-probleme-beneficiaires", ""),
        ("q-equipe-taille", "deux"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let page = read_page(d, 0, &fields);
    assert_eq!(page.set.get("probleme-formule"), Some(&one("oui")));
    // Multiple choices keep the definition's order.
    assert_eq!(
        page.set.get("probleme-preuves"),
        Some(&many(&["vecu", "chiffres"]))
    );
    assert_eq!(page.cleared, ["probleme-beneficiaires"]);
    assert_eq!(page.errors.len(), 1);
    assert_eq!(page.errors[0].0, "probleme-entretiens");
    assert_eq!(page.errors[0].2, "douze");
    assert_eq!(
        page.errors[0].1.message_key(),
        "diagnostics-answer-not-a-number"
    );
    // Other pages' fields are ignored.
    assert!(!page.set.contains_key("equipe-taille"));

    let bad = |section: usize, key: &str, value: &str| {
        let f = vec![(format!("q-{key}"), value.to_string())];
        read_page(d, section, &f).errors.first().map(|e| e.1)
    };
    use domain::diagnostic::AnswerError::*;
    assert_eq!(bad(0, "probleme-formule", "peut-etre"), Some(UnknownChoice));
    assert_eq!(bad(0, "probleme-entretiens", "-3"), Some(Negative));
    assert_eq!(bad(0, "probleme-entretiens", "1000000"), Some(TooLarge));
    assert_eq!(bad(0, "probleme-entretiens", "1 200"), None);
    assert_eq!(bad(0, "probleme-beneficiaires", "6"), Some(OutOfScale));
    assert_eq!(bad(1, "solution-resume", &"x".repeat(201)), Some(TooLong));
    assert_eq!(read_page(d, 99, &[]), Default::default());
}

/// xorshift64*: a tiny deterministic generator, so failures replay.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn random_answer(q: &Question, rng: &mut Rng) -> Option<Answer> {
    if rng.below(7) == 0 {
        return None;
    }
    Some(match q.kind {
        Kind::Single => one(&q.options[rng.below(q.options.len())].key),
        Kind::Multiple => Answer::Many(
            q.options
                .iter()
                .filter(|_| rng.below(2) == 0)
                .map(|o| o.key.clone())
                .collect(),
        ),
        Kind::Scale => n(1 + rng.below(5) as i64),
        Kind::Number => n(rng.below(40) as i64),
        Kind::ShortText | Kind::LongText => one("texte"),
    })
}

/// A better or equal answer than `a` to `q`.
fn raised(q: &Question, a: Option<&Answer>, rng: &mut Rng) -> Answer {
    match (q.kind, a) {
        (Kind::Single, Some(Answer::Text(k))) => {
            let now = q.option(k).map_or(0, |o| o.points);
            let better: Vec<_> = q.options.iter().filter(|o| o.points >= now).collect();
            one(&better[rng.below(better.len())].key)
        }
        (Kind::Multiple, Some(Answer::Many(keys))) => {
            let mut keys = keys.clone();
            keys.push(q.options[rng.below(q.options.len())].key.clone());
            keys.sort();
            keys.dedup();
            Answer::Many(keys)
        }
        (Kind::Scale, Some(Answer::Number(v))) => n((*v + rng.below(5) as i64).min(5)),
        (Kind::Number, Some(Answer::Number(v))) => n(v + rng.below(20) as i64),
        _ => random_answer(q, rng).unwrap_or_else(|| n(5)),
    }
}

#[test]
fn scores_stay_in_bounds_and_never_fall_when_an_answer_rises() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for d in shipped() {
        let sources: Vec<&str> = d
            .questions()
            .filter_map(|q| q.condition.as_ref().map(|c| c.question.as_str()))
            .collect();
        let scored: Vec<&Question> = d
            .questions()
            .filter(|q| !q.weights.is_empty() && !sources.contains(&q.key.as_str()))
            .collect();
        for _ in 0..3000 {
            let mut a = Answers::new();
            for q in d.questions() {
                if let Some(x) = random_answer(q, &mut rng) {
                    a.insert(q.key.clone(), x);
                }
            }
            let before = score(d, &a);
            let (lo, hi) = before.dimensions.iter().fold((100, 0), |(lo, hi), (_, s)| {
                (s.min(&lo).to_owned(), *s.max(&hi))
            });
            assert!(hi <= 100);
            // The overall score is a weighted mean of the dimensions (±1 for rounding).
            assert!(
                before.overall + 1 >= lo && before.overall <= hi + 1,
                "{before:?}"
            );

            let q = scored[rng.below(scored.len())];
            let up = raised(q, a.get(&q.key), &mut rng);
            let mut b = a.clone();
            b.insert(q.key.clone(), up.clone());
            let after = score(d, &b);
            for ((k, x), (_, y)) in before.dimensions.iter().zip(&after.dimensions) {
                assert!(
                    y >= x,
                    "{}: {k} fell from {x} to {y} raising {} to {up:?}",
                    d.id,
                    q.key
                );
            }
            assert!(after.overall >= before.overall, "{} overall fell", d.id);
        }
    }
}

#[test]
fn quartiles_need_ten_responses() {
    assert_eq!(quartiles(&[10, 20, 30, 40, 50, 60, 70, 80, 90]), None);
    let q = quartiles(&[10, 20, 30, 40, 50, 60, 70, 80, 90, 100]).unwrap();
    // Nearest rank: ceil(0.25×10)=3rd, ceil(0.5×10)=5th, ceil(0.75×10)=8th.
    assert_eq!((q.q1, q.median, q.q3, q.count), (30, 50, 80, 10));
    // From counts, the same answer as from the expanded list, for random lists.
    let mut rng = Rng(42);
    for _ in 0..500 {
        let len = rng.below(60);
        let mut list: Vec<u8> = (0..len).map(|_| rng.below(101) as u8).collect();
        list.sort_unstable();
        let mut counts = std::collections::BTreeMap::<u8, u64>::new();
        for s in &list {
            *counts.entry(*s).or_default() += 1;
        }
        let counts: Vec<(u8, u64)> = counts.into_iter().rev().collect();
        assert_eq!(quartiles_of_counts(&counts), quartiles(&list), "{list:?}");
    }
}

/// The shipped « projet-pret » definition with one change made to its JSON.
fn mutated(change: impl FnOnce(&mut serde_json::Value)) -> Vec<DefinitionError> {
    let mut v: serde_json::Value = serde_json::from_str(shipped_json()[0]).unwrap();
    change(&mut v);
    Definition::parse(&v.to_string()).err().unwrap_or_default()
}

fn question(v: &mut serde_json::Value, section: usize, q: usize) -> &mut serde_json::Value {
    &mut v["sections"][section]["questions"][q]
}

#[test]
fn validation_names_each_problem() {
    use serde_json::json;
    // Unknown question in a condition.
    let e = mutated(|v| question(v, 1, 2)["condition"]["question"] = json!("solution-inconnue"));
    assert_eq!(
        e,
        [DefinitionError::UnknownConditionQuestion {
            key: "solution-retours".into(),
            other: "solution-inconnue".into()
        }]
    );
    // Unknown choice in a condition.
    let e = mutated(|v| question(v, 1, 2)["condition"]["any_of"] = json!(["jamais"]));
    assert_eq!(
        e,
        [DefinitionError::UnknownConditionChoice {
            key: "solution-retours".into(),
            other: "jamais".into()
        }]
    );
    // Weights missing on a scored question.
    let e = mutated(|v| question(v, 0, 0)["weights"] = json!({}));
    assert_eq!(
        e,
        [DefinitionError::MissingWeights("probleme-formule".into())]
    );
    // A weight on a dimension that does not exist, and a zero weight.
    let e = mutated(|v| question(v, 0, 0)["weights"] = json!({"problemes": 2}));
    assert!(e.contains(&DefinitionError::UnknownDimension {
        key: "probleme-formule".into(),
        other: "problemes".into()
    }));
    let e = mutated(|v| question(v, 0, 0)["weights"] = json!({"probleme": 0}));
    assert_eq!(e, [DefinitionError::ZeroWeight("probleme-formule".into())]);
    // A cycle: the test depends on its own feedback, which depends on the test.
    let e = mutated(|v| {
        question(v, 1, 1)["condition"] =
            json!({"question": "solution-retours", "any_of": ["positifs"]})
    });
    assert!(
        e.iter()
            .any(|x| matches!(x, DefinitionError::ConditionCycle(c) if c == "solution-retours → solution-test → solution-retours")),
        "{e:?}"
    );
    assert!(
        e.iter()
            .any(|x| matches!(x, DefinitionError::ConditionLater { .. }))
    );
    // A condition on a question asked later.
    let e = mutated(|v| {
        question(v, 0, 0)["condition"] = json!({"question": "lancement-etapes", "any_of": ["non"]})
    });
    assert_eq!(
        e,
        [DefinitionError::ConditionLater {
            key: "probleme-formule".into(),
            other: "lancement-etapes".into()
        }]
    );
    // A minimum on a choice question does not fit.
    let e = mutated(|v| {
        question(v, 1, 2)["condition"] = json!({"question": "solution-test", "min": 2})
    });
    assert_eq!(
        e,
        [DefinitionError::BadCondition("solution-retours".into())]
    );
    // Levels that do not start at 0, duplicate keys, a missing English text.
    let e = mutated(|v| v["levels"][0]["min"] = json!(5));
    assert_eq!(e, [DefinitionError::BadLevels("a-explorer".into())]);
    let e = mutated(|v| question(v, 0, 1)["key"] = json!("probleme-formule"));
    assert!(e.contains(&DefinitionError::Duplicate {
        what: "question",
        key: "probleme-formule".into()
    }));
    let e = mutated(|v| question(v, 0, 0)["label"]["en"] = json!(" "));
    assert_eq!(
        e,
        [DefinitionError::MissingText {
            what: "question",
            key: "probleme-formule".into()
        }]
    );
    // A dimension nobody weighs.
    let e = mutated(|v| {
        v["dimensions"].as_array_mut().unwrap().push(json!({
            "key": "vide", "name": {"fr": "Vide", "en": "Empty"},
            "description": {"fr": "Rien", "en": "Nothing"}
        }))
    });
    assert_eq!(
        e,
        [DefinitionError::DimensionWithoutQuestions("vide".into())]
    );
    // Recommendations pointing nowhere.
    let e = mutated(|v| v["recommendations"][0]["levels"] = json!(["parfait"]));
    assert_eq!(e, [DefinitionError::RecommendationLevel("parfait".into())]);
    let e = mutated(|v| {
        v["recommendations"][0]["link"] = json!({"kind": "canvas", "block": "nulle-part"})
    });
    assert_eq!(
        e,
        [DefinitionError::RecommendationBlock("nulle-part".into())]
    );
    // Not JSON at all, or an unknown field.
    let e = mutated(|v| *v = json!("pas un questionnaire"));
    assert!(matches!(&e[..], [DefinitionError::Json(_)]));
    let e = mutated(|v| question(v, 0, 0)["poids"] = json!(1));
    assert!(matches!(&e[..], [DefinitionError::Json(m)] if m.contains("poids")));
    // Every error has a catalogue key and arguments.
    for err in e {
        assert!(err.message_key().starts_with("diagnostics-error-"));
        assert!(!err.args().0.is_empty());
    }
}
