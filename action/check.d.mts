// Types for action/check.mjs, so its test can import it.
export function getInput(env: Record<string, string | undefined>, name: string): string;
export function checkArguments(env: Record<string, string | undefined>): { args: string[]; files: { sarif?: string; html?: string } };
export function main(env?: Record<string, string | undefined>): number;
