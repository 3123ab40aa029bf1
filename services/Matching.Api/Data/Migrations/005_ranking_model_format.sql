-- Issue 13: ranking models are ML.NET zips now. Rows stored before are XGBoost universal binary JSON: they are
-- marked as such, never loaded, and the cold-start model is retrained in their place (docs/decisions/033).
ALTER TABLE ranking_models ADD COLUMN format text NOT NULL DEFAULT 'xgboost-ubj';
ALTER TABLE ranking_models ALTER COLUMN format DROP DEFAULT;
COMMENT ON COLUMN ranking_models.model IS 'the model in the format named by format (mlnet-zip: an ML.NET model zip)';
