-- The threshold above which a variance between actuals and forecast is flagged, per forecast,
-- in basis points of the forecast (1 000 = 10 %, the default). A setting of the comparison,
-- not part of the exchange format (it changes no computed figure).
ALTER TABLE forecasts ADD COLUMN variance_threshold_bp BIGINT NOT NULL DEFAULT 1000;
