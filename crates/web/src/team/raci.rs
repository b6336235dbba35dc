//! The team page (`/centres/{slug}/equipe`): the centre's people with their roles, and the
//! responsibility matrix, one row a process and one column a person, edited as one table (a
//! row without its one Accountable is refused beside it, nothing stored).
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::layout::Layout;
use crate::procedures::centre_for;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::team::{CELLS, Letter, cell_code, check_row, parse_cell};
use domain::{Action, Scope};
use serde::Deserialize;
use std::collections::HashMap;
use store::audit::AuditAction;
use store::centres::CentreSummary;

/// A person of the team: their id, name and roles.
pub struct Person {
    pub id: i64,
    pub name: String,
    pub roles: String,
}

/// A row of the matrix: the process, one letter per person (in the people's order), and what
/// is wrong with it.
pub struct Row {
    pub id: i64,
    pub name: String,
    pub cells: Vec<Cell>,
    pub error: Option<String>,
}

/// A cell: the person (id and name) and the letters they hold.
pub struct Cell {
    pub user: i64,
    pub person: String,
    pub letter: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AddForm {
    pub name: String,
    pub accountable: String,
    pub responsible: String,
}

#[derive(Template)]
#[template(path = "team/team.html")]
struct TeamView {
    layout: Layout,
    slug: String,
    tabs: Vec<(String, &'static str, bool)>,
    manage: bool,
    people: Vec<Person>,
    rows: Vec<Row>,
    letters: Vec<(&'static str, String)>,
    add: AddForm,
    errors: FieldErrors,
}

/// The people of the centre, one entry each with all their roles.
async fn people(state: &AppState, ctx: &Ctx, centre_id: i64) -> WebResult<Vec<Person>> {
    let i = ctx.i;
    let mut out: Vec<Person> = Vec::new();
    for m in store::centres::members(&state.db, centre_id).await? {
        let role = i.t(m.role.label_key());
        match out.iter_mut().find(|p| p.id == m.user_id) {
            Some(p) => {
                p.roles.push_str(", ");
                p.roles.push_str(&role);
            }
            None => out.push(Person {
                id: m.user_id,
                name: m.display_name,
                roles: role,
            }),
        }
    }
    Ok(out)
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: CentreSummary,
    typed: Option<HashMap<(i64, i64), String>>,
    row_errors: HashMap<i64, String>,
    add: AddForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() && row_errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let people = people(state, ctx, centre.id).await?;
    let processes = store::team::processes(&state.db, centre.id).await?;
    let stored: HashMap<(i64, i64), String> = store::team::assignments(&state.db, centre.id)
        .await?
        .into_iter()
        .map(|(p, u, l)| ((p, u), l))
        .collect();
    let letters = typed.unwrap_or(stored);
    let rows = processes
        .into_iter()
        .map(|p| Row {
            cells: people
                .iter()
                .map(|person| Cell {
                    user: person.id,
                    person: person.name.clone(),
                    letter: letters.get(&(p.id, person.id)).cloned().unwrap_or_default(),
                })
                .collect(),
            error: row_errors.get(&p.id).cloned(),
            id: p.id,
            name: p.name,
        })
        .collect();
    let view = TeamView {
        layout: Layout::new(state, ctx, i.ta("team-title", &[("centre", &centre.name)]))
            .under(format!("/centres/{}", centre.slug), centre.name.clone()),
        tabs: crate::procedures::tabs(&centre.slug, "equipe"),
        manage: ctx
            .actor
            .can(Action::ManageOperations, Scope::Centre(centre.id)),
        slug: centre.slug,
        people,
        rows,
        letters: CELLS
            .into_iter()
            .map(|(code, key)| (code, i.t(key)))
            .collect(),
        add,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = centre_for(&state, &ctx, &slug, Action::ViewOperations).await?;
    render(
        &state,
        &ctx,
        centre,
        None,
        HashMap::new(),
        AddForm::default(),
        FieldErrors::default(),
    )
    .await
}

/// Saves the whole matrix (`cell-{process}-{person}` = a letter or nothing); a row that breaks
/// the rules comes back with its message and what was typed, and nothing is stored.
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let centre = centre_for(&state, &ctx, &slug, Action::ManageOperations).await?;
    let i = ctx.i;
    let processes = store::team::processes(&state.db, centre.id).await?;
    let people: Vec<i64> = store::centres::members(&state.db, centre.id)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    let mut typed: HashMap<(i64, i64), String> = HashMap::new();
    let mut row_errors: HashMap<i64, String> = HashMap::new();
    for (key, value) in &pairs {
        let Some(rest) = key.strip_prefix("cell-") else {
            continue;
        };
        let Some((p, u)) = rest.split_once('-') else {
            continue;
        };
        let (Ok(p), Ok(u)) = (p.parse::<i64>(), u.parse::<i64>()) else {
            continue;
        };
        if processes.iter().any(|x| x.id == p) && people.contains(&u) {
            typed.insert((p, u), value.trim().to_uppercase());
        }
    }
    let mut rows: Vec<(i64, Vec<(i64, String)>)> = Vec::new();
    for p in &processes {
        let mut row = Vec::new();
        let mut letters = Vec::new();
        for u in &people {
            let text = typed.get(&(p.id, *u)).cloned().unwrap_or_default();
            match parse_cell(&text) {
                Ok(cell) if cell.is_empty() => {}
                Ok(cell) => {
                    row.push((*u, cell_code(&cell)));
                    letters.extend(cell);
                }
                Err(e) => {
                    row_errors.insert(p.id, i.t(e.message_key()));
                }
            }
        }
        if !row_errors.contains_key(&p.id)
            && let Err(e) = check_row(&letters)
        {
            row_errors.insert(p.id, i.t(e.message_key()));
        }
        rows.push((p.id, row));
    }
    if !row_errors.is_empty() {
        return render(
            &state,
            &ctx,
            centre,
            Some(typed),
            row_errors,
            AddForm::default(),
            FieldErrors::default(),
        )
        .await;
    }
    let mut tx = state.db.begin().await?;
    for (process, row) in &rows {
        let row: Vec<(i64, &str)> = row.iter().map(|(u, l)| (*u, l.as_str())).collect();
        store::team::set_row_in(&mut tx, *process, &row).await?;
    }
    crate::donations::audit(&mut tx, &ctx, AuditAction::RaciChanged, centre.id, None).await?;
    tx.commit().await?;
    Ok(redirect_with_flash(
        &format!("/centres/{}/equipe", centre.slug),
        "flash-team-raci-saved",
        &state,
    ))
}

/// Adds a process with who answers for it and who does it.
pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<AddForm>,
) -> WebResult<Response> {
    let centre = centre_for(&state, &ctx, &slug, Action::ManageOperations).await?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let people: Vec<i64> = store::centres::members(&state.db, centre.id)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    let name = domain::procedures::check_text(&form.name, 120, true)
        .map_err(|e| errors.add("process", i, e.message_key()))
        .ok();
    let person = |text: &str| {
        text.trim()
            .parse::<i64>()
            .ok()
            .filter(|u| people.contains(u))
    };
    let accountable = person(&form.accountable);
    if accountable.is_none() {
        errors.add("accountable", i, "team-error-no-accountable");
    }
    let responsible = person(&form.responsible);
    if responsible.is_none() {
        errors.add("responsible", i, "team-error-no-responsible");
    }
    let (Some(name), Some(a), Some(r)) = (name, accountable, responsible) else {
        return render(&state, &ctx, centre, None, HashMap::new(), form, errors).await;
    };
    // One person may answer for the process and do it (`AR`).
    let row: Vec<(i64, &str)> = if a == r {
        vec![(a, "AR")]
    } else {
        vec![(a, Letter::A.code()), (r, Letter::R.code())]
    };
    let mut tx = state.db.begin().await?;
    match store::team::add_process_in(&mut tx, centre.id, &name, &row).await {
        Ok(_) => {}
        Err(store::StoreError::Duplicate) => {
            drop(tx);
            errors.add("process", i, "team-error-process-taken");
            return render(&state, &ctx, centre, None, HashMap::new(), form, errors).await;
        }
        Err(e) => return Err(e.into()),
    }
    crate::donations::audit(&mut tx, &ctx, AuditAction::RaciChanged, centre.id, None).await?;
    tx.commit().await?;
    Ok(redirect_with_flash(
        &format!("/centres/{}/equipe", centre.slug),
        "flash-team-process-added",
        &state,
    ))
}

pub async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> WebResult<Response> {
    let centre = centre_for(&state, &ctx, &slug, Action::ManageOperations).await?;
    if !store::team::remove_process(&state.db, centre.id, id).await? {
        return Err(WebError::NotFound);
    }
    Ok(redirect_with_flash(
        &format!("/centres/{}/equipe", centre.slug),
        "flash-team-process-removed",
        &state,
    ))
}
