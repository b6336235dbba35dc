//! The guided editor: one step at a time (assumptions, revenue lines, expenses, salaries,
//! investments, financing), each explained in one line. A step is checked with the whole plan
//! by the domain before anything is saved: a refusal shows beside its field with what was typed,
//! and nothing is saved half-way.
use super::fields::{Kind, STEPS, Step, display, read, set, step};
use super::owner::{Key, Owner, editable_row};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::Form;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

pub struct StepLink {
    pub href: String,
    pub label: String,
    pub current: bool,
}

pub struct FieldView {
    pub id: String,
    pub name: String,
    pub label: String,
    pub hint: String,
    pub value: String,
    /// (code, label, selected) for a choice; empty for a typed field.
    pub options: Vec<(String, String, bool)>,
    pub error: Option<String>,
    pub inputmode: &'static str,
}

pub struct RowView {
    pub legend: String,
    pub fields: Vec<FieldView>,
}

#[derive(Template)]
#[template(path = "forecasts/edit.html")]
struct EditView {
    layout: Layout,
    base: String,
    step: &'static str,
    step_title: String,
    step_hint: String,
    steps: Vec<StepLink>,
    rows: Vec<RowView>,
    is_list: bool,
    version: i64,
    has_next: bool,
    problem: Option<String>,
}

/// Typed texts by field name, and messages by field name.
type Typed = (BTreeMap<String, String>, BTreeMap<String, String>);

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(key): Path<Key>,
) -> WebResult<Response> {
    let s = step(key.step.as_deref().unwrap_or_default()).ok_or(WebError::NotFound)?;
    let (owner, row) = editable_row(&state, &ctx, &key).await?;
    render(&state, &ctx, &owner, &row, s, None, None).await
}

fn field_name(s: &Step, index: Option<usize>, key: &str) -> String {
    match (s.list, index) {
        (Some(list), Some(i)) => format!("{list}[{i}].{key}"),
        _ => key.to_string(),
    }
}

fn field_id(name: &str) -> String {
    let mut id = String::from("f-");
    for c in name.chars() {
        id.push(if c.is_ascii_alphanumeric() { c } else { '-' });
    }
    id
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    owner: &Owner,
    row: &store::forecasts::ForecastRow,
    s: &'static Step,
    typed: Option<Typed>,
    problem: Option<String>,
) -> WebResult<Response> {
    let i = ctx.i;
    let plan: Value = serde_json::from_str(&row.document).unwrap_or(Value::Null);
    let status = if typed.is_some() || problem.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let (texts, errors) = typed.unwrap_or_default();
    let stored: Vec<Option<&Value>> = match s.list {
        Some(list) => {
            let items = plan[list].as_array().map(Vec::as_slice).unwrap_or_default();
            let typed_rows = texts
                .keys()
                .filter_map(|k| row_index(k, list))
                .max()
                .map_or(0, |m| m + 1);
            let count = (items.len() + 1).max(typed_rows).max(2);
            (0..count).map(|n| items.get(n)).collect()
        }
        None => vec![Some(&plan)],
    };
    let rows = stored
        .iter()
        .enumerate()
        .map(|(n, item)| RowView {
            legend: match s.list {
                Some(_) if item.is_none() => i.t("forecast-new-line"),
                Some(_) => i.ta("forecast-line-n", &[("n", &(n + 1).to_string())]),
                None => i.t("forecast-step-assumptions"),
            },
            fields: s
                .columns
                .iter()
                .map(|(key, kind)| {
                    let name = field_name(s, s.list.map(|_| n), key);
                    let value = match texts.get(&name) {
                        Some(t) => t.clone(),
                        None if typed_is_empty(&texts) => item
                            .map(|v| display(*kind, &v[*key], i.locale))
                            .unwrap_or_default(),
                        None => String::new(),
                    };
                    let options = match kind {
                        Kind::Choice(codes) => codes
                            .iter()
                            .map(|c| {
                                (
                                    c.to_string(),
                                    i.t(&format!("forecast-choice-{}", c.replace('_', "-"))),
                                    value == *c,
                                )
                            })
                            .collect(),
                        _ => Vec::new(),
                    };
                    FieldView {
                        id: field_id(&name),
                        label: i.t(&format!("forecast-field-{}", key.replace('_', "-"))),
                        hint: i.t(&format!("forecast-hint-{}", key.replace('_', "-"))),
                        error: errors.get(&name).cloned(),
                        inputmode: match kind {
                            Kind::Money | Kind::Percent => "decimal",
                            Kind::Int => "numeric",
                            _ => "text",
                        },
                        name,
                        value,
                        options,
                    }
                })
                .collect(),
        })
        .collect();
    let position = STEPS.iter().position(|x| x.key == s.key).unwrap_or(0);
    let view = EditView {
        layout: Layout::new(state, ctx, i.t(&format!("forecast-step-{}", s.key)))
            .under(owner.base.clone(), owner.name.clone()),
        base: owner.base.clone(),
        step: s.key,
        step_title: i.t(&format!("forecast-step-{}", s.key)),
        step_hint: i.t(&format!("forecast-step-{}-hint", s.key)),
        steps: STEPS
            .iter()
            .map(|x| StepLink {
                href: format!("{}/edit/{}", owner.base, x.key),
                label: i.t(&format!("forecast-step-{}", x.key)),
                current: x.key == s.key,
            })
            .collect(),
        rows,
        is_list: s.list.is_some(),
        version: row.version,
        has_next: position + 1 < STEPS.len(),
        problem,
    };
    Ok((status, Html(view.render()?)).into_response())
}

fn typed_is_empty(texts: &BTreeMap<String, String>) -> bool {
    texts.is_empty()
}

/// `revenues[3].name` → 3 for the list `revenues`.
fn row_index(name: &str, list: &str) -> Option<usize> {
    let rest = name.strip_prefix(list)?.strip_prefix('[')?;
    let (n, _) = rest.split_once(']')?;
    n.parse().ok()
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(key): Path<Key>,
    Form(form): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let s = step(key.step.as_deref().unwrap_or_default()).ok_or(WebError::NotFound)?;
    let (owner, row) = editable_row(&state, &ctx, &key).await?;
    let base = &owner.base;
    let user = ctx.require_user()?;
    let i = ctx.i;
    let texts: BTreeMap<String, String> = form
        .iter()
        .filter(|(k, _)| k != "_csrf" && k != "version" && k != "go")
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let expected: i64 = form
        .iter()
        .find(|(k, _)| k == "version")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(row.version);
    let go = form
        .iter()
        .find(|(k, _)| k == "go")
        .map(|(_, v)| v.as_str())
        .unwrap_or("next");
    let mut plan: Value =
        serde_json::from_str(&row.document).map_err(|e| WebError::Internal(e.to_string()))?;
    let mut errors: BTreeMap<String, String> = BTreeMap::new();
    // The form's row behind each line of the plan (blank rows are left out).
    let mut rows_of_lines: Vec<usize> = Vec::new();
    let mut fill = |object: &mut Map<String, Value>, index: Option<usize>| -> bool {
        let mut any = false;
        for (key, kind) in s.columns {
            let name = field_name(s, index, key);
            let text = texts.get(&name).map(String::as_str).unwrap_or("");
            any |= !text.trim().is_empty();
            match read(*kind, text) {
                Ok(value) => set(object, key, value),
                Err(message) => {
                    errors.insert(name, i.t(message));
                }
            }
        }
        any
    };
    match s.list {
        Some(list) => {
            let mut indices: Vec<usize> = texts.keys().filter_map(|k| row_index(k, list)).collect();
            indices.sort_unstable();
            indices.dedup();
            let mut lines = Vec::new();
            for n in indices {
                let mut object = Map::new();
                if fill(&mut object, Some(n)) {
                    lines.push(Value::Object(object));
                    rows_of_lines.push(n);
                }
            }
            plan[list] = Value::Array(lines);
        }
        None => {
            if let Value::Object(root) = &mut plan {
                fill(root, None);
            }
        }
    }
    if errors.is_empty() {
        match domain::forecast::parse::from_value(&plan) {
            Ok(valid) => {
                let saved = store::forecasts::save(
                    &state.db,
                    row.id,
                    expected,
                    &valid.to_json(),
                    s.key,
                    Some(user.id),
                )
                .await;
                let position = STEPS.iter().position(|x| x.key == s.key).unwrap_or(0);
                let to = match (go, STEPS.get(position + 1)) {
                    ("next", Some(next)) => format!("{base}/edit/{}", next.key),
                    ("next", None) => base.clone(),
                    _ => format!("{base}/edit/{}", s.key),
                };
                return match saved {
                    Ok(_) => Ok(crate::respond::redirect_with_flash(
                        &to,
                        "flash-forecast-saved",
                        &state,
                    )),
                    Err(store::StoreError::Stale(_)) => Ok(crate::respond::redirect_with_flash(
                        &format!("{base}/edit/{}", s.key),
                        "flash-forecast-stale",
                        &state,
                    )),
                    Err(e) => Err(e.into()),
                };
            }
            Err(e) => {
                let path = match s.list {
                    Some(list) => match row_index(&e.path, list) {
                        Some(k) => {
                            let form_row = rows_of_lines.get(k).copied().unwrap_or(k);
                            let rest = e.path.split_once(']').map_or("", |(_, r)| r);
                            format!("{list}[{form_row}]{rest}")
                        }
                        None => e.path.clone(),
                    },
                    None => e.path.clone(),
                };
                // A volume's own position (monthly_volume[3]) is shown on the volume field.
                let field = match path.find("monthly_volume[") {
                    Some(at) => path[..at + "monthly_volume".len()].to_string(),
                    None => path,
                };
                let message = i.t(e.problem.message_key());
                if texts.contains_key(&field) {
                    errors.insert(field, message);
                } else {
                    return render(
                        &state,
                        &ctx,
                        &owner,
                        &row,
                        s,
                        Some((texts, errors)),
                        Some(format!("{message} ({})", e.path)),
                    )
                    .await;
                }
            }
        }
    }
    render(&state, &ctx, &owner, &row, s, Some((texts, errors)), None).await
}

/// `…/forecast/edit` → the first step.
pub async fn first(Path(key): Path<Key>) -> WebResult<Response> {
    let base = key.base().ok_or(WebError::NotFound)?;
    Ok(Redirect::to(&format!("{base}/edit/{}", STEPS[0].key)).into_response())
}
