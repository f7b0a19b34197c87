/**
 * The environment for a child `astro build`: the caller's, without what would change the build.
 * `BASE_URL`, `MODE` and `NODE_ENV` (set by Vitest or a shell) leak into Vite and override the
 * site's base path; `SITE_URL`/`BASE_PATH` are cleared so every measured build is the default
 * deployment; telemetry would try to reach the network.
 * @param {NodeJS.ProcessEnv} env
 * @returns {NodeJS.ProcessEnv}
 */
export function buildEnv(env) {
  const clean = { ...env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST', 'FORCE_COLOR', 'SITE_URL', 'BASE_PATH']) {
    delete clean[key];
  }
  for (const key of Object.keys(clean)) if (key.startsWith('VITEST')) delete clean[key];
  return { ...clean, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
}
