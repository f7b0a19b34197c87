import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Runs Debian's `jekyll` as a production build does, with what it printed. */
export function runJekyll(args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('jekyll', args, { cwd, env: { ...process.env, JEKYLL_ENV: 'production' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Writes each file below `root`, making its folders. */
export async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
}

const MARK = (name: string) => `[[case ${name}]]`;
const END = '[[end]]';

/**
 * Named Liquid cases as one page, each output between its marks, so one build (Jekyll's or ours)
 * answers them all: the page's text, and each case's output read back from a built page.
 */
export function casesPage(cases: readonly (readonly [name: string, liquid: string, ...rest: unknown[]])[]): {
  text: string;
  outputsOf: (built: string) => Map<string, string>;
} {
  return {
    text: cases.map(([name, liquid]) => `${MARK(name)}${liquid}${END}`).join('\n'),
    outputsOf: (built) => {
      const outputs = new Map<string, string>();
      for (const [name] of cases) {
        const start = built.indexOf(MARK(name));
        const end = built.indexOf(END, start);
        if (start !== -1 && end !== -1) outputs.set(name, built.slice(start + MARK(name).length, end));
      }
      return outputs;
    },
  };
}
