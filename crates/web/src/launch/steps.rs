//! The flow's steps after the profile, each one unit of work with its audit lines that marks
//! itself done in the same one; a step done already (a page sent twice) changes nothing. Bad
//! input is shown beside its field with what was typed; a step that cannot run (no licence
//! model, no kit published) says why above its form.
use super::flow::{Shown, TITLE_FIELDS, Typed, openable, render};
use super::{flow_href, launching};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form, text};
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use domain::launch::{FIRST_EVENTS, Step};
use domain::{Action, Email, Role, Scope, Slug};
use store::audit::{self, AuditAction, Entry};
use store::centres::Centre;

/// Runs one step of the flow.
pub async fn run(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, code)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let (centre, launch) = launching(&state, &ctx, &slug).await?;
    let step = openable(&code).ok_or(WebError::NotFound)?;
    if launch.done_at(step).is_some() {
        return Ok(redirect_with_flash(
            &flow_href(&centre.slug),
            "flash-launch-already",
            &state,
        ));
    }
    let typed = Typed::sent(&pairs);
    let run = Run {
        state: &state,
        ctx: &ctx,
        centre: &centre,
    };
    match step {
        Step::Manager => run.manager(typed).await,
        Step::Licence => run.licence(typed).await,
        Step::Kit => run.kit(typed).await,
        Step::Offers => run.offers(typed).await,
        Step::Events | Step::Profile => run.events(typed).await,
    }
}

struct Run<'a> {
    state: &'a AppState,
    ctx: &'a Ctx,
    centre: &'a Centre,
}

impl Run<'_> {
    /// The step's page again, with the errors beside the fields and what was typed.
    async fn refused(&self, step: Step, typed: Typed, errors: FieldErrors) -> WebResult<Response> {
        let shown = Shown {
            open: Some(step),
            typed,
            errors,
            refusal: None,
        };
        self.show(shown).await
    }

    async fn show(&self, shown: Shown) -> WebResult<Response> {
        let flow = store::launches::overview(&self.state.db, &self.centre.slug)
            .await?
            .ok_or(WebError::NotFound)?;
        render(self.state, self.ctx, flow, shown).await
    }

    /// The step's page again, with why it cannot run above its form.
    async fn cannot(&self, step: Step, typed: Typed, key: &str) -> WebResult<Response> {
        let shown = Shown {
            open: Some(step),
            typed,
            errors: FieldErrors::default(),
            refusal: Some(self.ctx.i.t(key)),
        };
        self.show(shown).await
    }

    async fn audit(&self, tx: &mut store::Tx, detail: &str) -> WebResult<()> {
        audit::record(
            &mut *tx,
            AuditAction::CentreLaunch,
            Entry {
                actor_id: self.ctx.user.as_ref().map(|u| u.id),
                centre_id: Some(self.centre.id),
                detail,
                ..Entry::default()
            },
        )
        .await?;
        Ok(())
    }

    /// Marks the step done, audits it (and the end of the flow when it was the last), commits
    /// and goes back to the flow; a step marked meanwhile by another page rolls back.
    async fn finish(
        &self,
        mut tx: store::Tx,
        step: Step,
        count: i64,
        flash: &str,
    ) -> WebResult<Response> {
        if !store::launches::mark(&mut tx, self.centre.id, step, count).await? {
            drop(tx);
            return Ok(redirect_with_flash(
                &flow_href(&self.centre.slug),
                "flash-launch-already",
                self.state,
            ));
        }
        self.audit(&mut tx, &format!("{} {count}", step.code()))
            .await?;
        let now_done = store::launches::find(&mut tx, self.centre.id).await?;
        let finished = now_done.and_then(|l| l.finished_at.map(|end| (l.started_at, end)));
        if let Some((start, end)) = finished {
            let minutes = domain::launch::minutes_taken(start, end);
            self.audit(&mut tx, &format!("finished {minutes} min"))
                .await?;
        }
        tx.commit().await?;
        self.state.jobs_queued();
        // The centres page shows how far the flow is.
        self.state.centres.clear();
        self.state.changed();
        let flash = if finished.is_some() {
            "flash-launch-finished"
        } else {
            flash
        };
        Ok(redirect_with_flash(
            &flow_href(&self.centre.slug),
            flash,
            self.state,
        ))
    }

    /// Invites the centre's manager by e-mail.
    async fn manager(&self, typed: Typed) -> WebResult<Response> {
        let (ctx, centre) = (self.ctx, self.centre);
        ctx.authorize(Action::ManageMembers, Scope::Centre(centre.id))?;
        let mut errors = FieldErrors::default();
        let Some(email) = errors.check("email", ctx.i, Email::parse(&typed.email)) else {
            return self.refused(Step::Manager, typed, errors).await;
        };
        let inviter = ctx.require_user()?;
        let mut tx = self.state.db.begin().await?;
        crate::invitations::send_in(
            &mut tx,
            self.state,
            ctx.i,
            inviter,
            &crate::invitations::Invite {
                centre_id: centre.id,
                email: email.as_str(),
                role: Role::CentreManager,
                project: None,
                grants_membership: true,
                lead: None,
            },
        )
        .await?;
        self.finish(tx, Step::Manager, 1, "flash-launch-manager")
            .await
    }

    /// Grants the licence, writes its contract and sends it for signature to the manager
    /// invited (and any manager already there).
    async fn licence(&self, typed: Typed) -> WebResult<Response> {
        let (ctx, centre, db) = (self.ctx, self.centre, &self.state.db);
        ctx.authorize(Action::ManageLicences, Scope::Network)?;
        let i = ctx.i;
        if store::licences::versions(db).await?.is_empty() {
            return self
                .cannot(Step::Licence, typed, "launch-licence-no-model")
                .await;
        }
        let mut errors = FieldErrors::default();
        let version = match typed.version_id.trim().parse::<i64>() {
            Ok(id) => store::licences::version(db, id).await?,
            Err(_) => None,
        };
        if version.is_none() {
            errors.add("version_id", i, "licence-error-version");
        }
        let start = domain::tracking::parse_date(&typed.starts_on).ok();
        if start.is_none() {
            errors.add("starts_on", i, "licence-error-start");
        }
        let (Some(version), Some(start), true) = (version, start, errors.is_empty()) else {
            return self.refused(Step::Licence, typed, errors).await;
        };
        let mut recipients = store::contacts::managers(db, centre.id).await?;
        recipients.extend(
            store::centres::pending_invitations(db, centre.id)
                .await?
                .into_iter()
                .filter(|v| v.role == Role::CentreManager)
                .map(|v| (v.email, String::new(), i.code().to_string())),
        );
        let mut tx = self.state.db.begin().await?;
        crate::licences::contracts::grant_and_send(
            &mut tx,
            self.state,
            ctx,
            centre.id,
            &version,
            start,
            &recipients,
        )
        .await?;
        self.finish(tx, Step::Licence, 1, "flash-launch-licence")
            .await
    }

    /// Gives the centre its copy of the current kit, whole.
    async fn kit(&self, typed: Typed) -> WebResult<Response> {
        let (ctx, centre) = (self.ctx, self.centre);
        ctx.authorize(Action::ManageKit, Scope::Network)?;
        let mut tx = self.state.db.begin().await?;
        if store::kit::held(&mut tx, centre.id).await?.is_none() {
            let by = ctx.user.as_ref().map(|u| u.id);
            match store::kit::take_in(&mut tx, centre.id, None, None, by).await {
                Ok(taken) => {
                    let detail =
                        format!("version {} · taken {}", taken.number, taken.taken.join(" "));
                    crate::kit::audit(
                        &mut tx,
                        ctx,
                        AuditAction::KitTaken,
                        Some(centre.id),
                        &detail,
                    )
                    .await?;
                }
                Err(store::StoreError::NotFound) => {
                    drop(tx);
                    return self.cannot(Step::Kit, typed, "launch-kit-none").await;
                }
                Err(e) => return Err(e.into()),
            }
        }
        self.finish(tx, Step::Kit, 1, "flash-launch-kit").await
    }

    /// Copies the studio's offers ticked, closed.
    async fn offers(&self, typed: Typed) -> WebResult<Response> {
        let centre = self.centre;
        self.ctx
            .authorize(Action::ManageCentre, Scope::Centre(centre.id))?;
        let ids = typed.offers.clone().unwrap_or_default();
        let mut tx = self.state.db.begin().await?;
        let copied = match self.state.studio_id().await? {
            Some(studio) if studio != centre.id && !ids.is_empty() => {
                store::offers::copy_into(&mut tx, studio, centre.id, &ids).await?
            }
            _ => 0,
        };
        self.finish(tx, Step::Offers, copied, "flash-launch-offers")
            .await
    }

    /// Drafts the first events ticked (not published) around the opening day, and starts the
    /// opening plan from that day when asked and none is started.
    async fn events(&self, typed: Typed) -> WebResult<Response> {
        let (ctx, centre, db) = (self.ctx, self.centre, &self.state.db);
        crate::scope::check(ctx, Action::ManageEvents, Some(centre.id))?;
        let i = ctx.i;
        let mut errors = FieldErrors::default();
        let opens = match domain::tracking::parse_date(&typed.opens_on) {
            Ok(d) if d >= crate::tracking::today() => Some(d),
            Ok(_) => {
                errors.add("opens_on", i, "opening-error-past");
                None
            }
            Err(e) => {
                errors.add("opens_on", i, e.message_key());
                None
            }
        };
        let mut titles = Vec::new();
        for (n, (keep, title)) in typed.events.iter().enumerate() {
            let field = TITLE_FIELDS.get(n).copied().unwrap_or_default();
            if *keep && let Some(t) = errors.check(field, i, text(title, 120)) {
                titles.push((n, t));
            }
        }
        let (Some(opens), true) = (opens, errors.is_empty()) else {
            return self.refused(Step::Events, typed, errors).await;
        };
        let place = store::places::place(db, centre.id, &domain::tracking::iso(opens)).await?;
        let town = format!("{} {}", place.profile.postcode.trim(), centre.town);
        let address = [place.profile.address.trim(), town.trim()]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        let mut drafts = Vec::new();
        for (n, title) in titles {
            let Some(e) = FIRST_EVENTS.get(n) else {
                continue;
            };
            let day = e.day(opens);
            let Some((starts, ends)) = e.times(day) else {
                continue;
            };
            let slug = free_slug(db, &title, &centre.slug).await?;
            drafts.push((e, title, slug, starts, ends));
        }
        let now = store::now();
        let mut tx = db.begin().await?;
        for (e, title, slug, starts, ends) in &drafts {
            let summary = i.ta("launch-event-summary", &[("centre", &centre.name)]);
            let new = store::site::NewEvent {
                slug,
                title,
                summary: &summary,
                description: "",
                starts_at: *starts,
                ends_at: *ends,
                place: &address,
                online_url: "",
                capacity: e.capacity,
                published: false,
                centre_id: Some(centre.id),
                kind: e.kind,
            };
            match store::site::create_event(&mut tx, &new, now).await {
                Ok(_) => {}
                Err(store::StoreError::Duplicate) => {
                    drop(tx);
                    return self
                        .cannot(Step::Events, typed, "launch-events-slug-taken")
                        .await;
                }
                Err(e) => return Err(e.into()),
            }
        }
        if typed.plan
            && store::opening::opens_on(&mut tx, centre.id)
                .await?
                .is_none()
        {
            crate::opening::plan::start_in(&mut tx, centre.id, opens).await?;
        }
        let count = i64::try_from(drafts.len()).unwrap_or(0);
        let response = self
            .finish(tx, Step::Events, count, "flash-launch-events")
            .await?;
        self.state.site.changed();
        Ok(response)
    }
}

/// An event address free for a title: the title's own, else with the centre's address after
/// it, else numbered.
async fn free_slug(db: &store::Db, title: &str, centre_slug: &str) -> WebResult<String> {
    let base = Slug::from_name(title)
        .map(|s| s.as_str().to_string())
        .unwrap_or_else(|_| "evenement".into());
    let with_centre: String = format!("{base}-{centre_slug}").chars().take(56).collect();
    let with_centre = with_centre.trim_end_matches('-').to_string();
    let mut candidates = vec![base, with_centre.clone()];
    candidates.extend((2..10).map(|n| format!("{with_centre}-{n}")));
    for c in candidates {
        if Slug::parse(&c).is_ok() && store::site::event_by_slug(db, &c).await?.is_none() {
            return Ok(c);
        }
    }
    Ok(format!("{with_centre}-{}", store::now()))
}
