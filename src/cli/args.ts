// A small argument reader: --name value, --name=value, --flag, repeated options, positionals.
export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string[]>;
}

export function parseArgs(argv: string[], flags: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string[]>();
  const add = (name: string, value: string) => options.set(name, [...(options.get(name) ?? []), value]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 0) add(arg.slice(2, eq), arg.slice(eq + 1));
      else if (flags.includes(arg.slice(2))) add(arg.slice(2), 'true');
      else {
        const value = argv[i + 1];
        if (value === undefined || value.startsWith('--')) throw new UsageError(`option ${arg} needs a value`);
        add(arg.slice(2), value);
        i++;
      }
    } else positionals.push(arg);
  }
  return { positionals, options };
}

export const one = (args: ParsedArgs, name: string): string | undefined => args.options.get(name)?.at(-1);
export const has = (args: ParsedArgs, name: string): boolean => args.options.has(name);

export class UsageError extends Error {}

/** A value an organiser typed that cannot be read: said in one line, without the usage. */
export class InputError extends Error {}
