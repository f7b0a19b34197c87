const COMMAND = Symbol.for('portfolio.astroCommand');

/**
 * The command Astro is running (`dev`, `build`, `sync`), as the integrations are told it, kept for
 * src/content.config.ts: Vite loads that file apart from the integrations, in its own copy of the
 * modules, so the value lives on `globalThis`.
 */
export function rememberAstroCommand(command: string): void {
  (globalThis as Record<symbol, unknown>)[COMMAND] = command;
}

/** The command an integration remembered, or nothing when none has (the file loaded outside Astro). */
export function astroCommand(): string | undefined {
  const command = (globalThis as Record<symbol, unknown>)[COMMAND];
  return typeof command === 'string' ? command : undefined;
}
