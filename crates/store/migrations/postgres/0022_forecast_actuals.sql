-- Actuals of a forecast: what really came in and went out, by forecast month (1-36) and
-- category (the income statement's operating lines, see domain::forecast::actuals), in
-- positive cents. Entered month by month or imported from a bank export (CSV).
CREATE TABLE forecast_actuals (
    forecast_id BIGINT NOT NULL REFERENCES forecasts(id) ON DELETE CASCADE,
    month BIGINT NOT NULL,
    category TEXT NOT NULL,
    amount_cents BIGINT NOT NULL,
    updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (forecast_id, month, category)
);
