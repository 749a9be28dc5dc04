import { defineConfig } from 'drizzle-kit';

// One migration stream for PGlite and PostgreSQL: generated SQL stays within their common dialect.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/schema.ts',
  out: './migrations',
  strict: true,
});
