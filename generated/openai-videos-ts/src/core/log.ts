/** Debug logging: a level (from a client option or an environment variable) filtering a console-like logger. */

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

export interface Logger {
  error(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  debug(message: string, ...details: unknown[]): void;
}

const LEVELS: readonly LogLevel[] = ['off', 'error', 'warn', 'info', 'debug'];

/** A log level from text (e.g. an environment variable); undefined when it names none. */
export function parseLogLevel(value: string | undefined): LogLevel | undefined {
  const lowered = value?.toLowerCase();
  return LEVELS.find((level) => level === lowered);
}

/** A Logger that passes on only messages at `level` or more severe. */
export function levelLogger(level: LogLevel, target: Logger): Logger {
  const rank = LEVELS.indexOf(level);
  const at =
    (name: Exclude<LogLevel, 'off'>) =>
    (message: string, ...details: unknown[]): void => {
      if (LEVELS.indexOf(name) <= rank) target[name](message, ...details);
    };
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}
