-- Reports are reads and never write the store: their figures are remembered in memory by the server
-- (src/reports/figure-cache.ts), so the table that cached them goes.
DROP TABLE IF EXISTS report_cache;
