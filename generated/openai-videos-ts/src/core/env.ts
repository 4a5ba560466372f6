/** Reading environment variables where a `process.env` exists (Node, Deno, Bun), and nothing elsewhere. */

/** The trimmed value of an environment variable; undefined when unset, blank or without a `process`. */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name]?.trim();
  return value ? value : undefined;
}
