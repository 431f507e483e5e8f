// Migration 004 (operators): operators (no check beyond the migration itself; test/main/staff covers the table in use).
import { migrationSuite } from '../../../support/migrations';

migrationSuite(4);
