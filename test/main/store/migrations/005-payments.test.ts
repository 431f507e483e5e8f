// Migration 005 (payments): payments (no check beyond the migration itself; test/main/payments covers the tables in use).
import { migrationSuite } from '../../../support/migrations';

migrationSuite(5);
