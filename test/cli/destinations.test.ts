// Which report goes where, from --format/--output as written on the command line.
import { describe, expect, it } from 'vitest';
import { destinations, type ReportFlag } from '../../src/cli.js';

const f = (value: string): ReportFlag => ['format', value];
const o = (value: string): ReportFlag => ['output', value];

describe('destinations', () => {
  it.each([
    ['nothing: pretty to stdout', [], [{ format: 'pretty' }]],
    ['an output alone: pretty to that file', [o('r.txt')], [{ format: 'pretty', output: 'r.txt' }]],
    ['each output after its format', [f('github'), f('sarif'), o('r.sarif'), f('html'), o('r.html')], [{ format: 'github' }, { format: 'sarif', output: 'r.sarif' }, { format: 'html', output: 'r.html' }]],
    ['an output written before its format', [o('r.json'), f('json')], [{ format: 'json', output: 'r.json' }]],
  ] as Array<[string, ReportFlag[], unknown]>)('%s', (_name, flags, expected) => {
    expect(destinations(flags)).toEqual(expected);
  });

  it.each([
    [[f('json'), f('pretty')], 'only one report can go to stdout: give each further --format an --output'],
    [[f('json'), o('a'), o('b')], '--output "b" has no --format of its own: write each --output after its --format'],
    [[f('toString')], 'unknown format "toString" (expected one of pretty, json, sarif, junit, markdown, github, html, rdjson)'],
  ] as Array<[ReportFlag[], string]>)('refuses %j', (flags, message) => {
    expect(() => destinations(flags)).toThrow(message);
  });
});
