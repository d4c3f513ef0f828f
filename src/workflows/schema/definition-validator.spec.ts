import { offlineActionRegistry } from '../actions/builtin-actions';
import { builtinDefinitionsDir, readDefinitionFiles } from '../engine/definitions.service';
import { loadWorkflowConfig } from '../workflow-config';
import { formatProblem } from './compiled-workflow';
import { validateDefinition } from './definition-validator';

// Validation reads only action names and input schemas.
const actions = offlineActionRegistry(loadWorkflowConfig({}));
const check = (yaml: string) => validateDefinition(yaml, 'test.yaml', actions).problems;

describe('workflow definition validation', () => {
  it('accepts every built-in definition', () => {
    const files = readDefinitionFiles(builtinDefinitionsDir());
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const { file, source } of files) {
      const problems = validateDefinition(source, file, actions).problems;
      expect(problems.map(formatProblem)).toEqual([]);
    }
  });

  it('reports YAML syntax errors with line and column', () => {
    const problems = check('id: x\non:\n  manual: true\nsteps:\n  - id: a\n    uses: log\n    with: { message: [unclosed }\n');
    expect(problems[0]).toMatchObject({ kind: 'yaml', file: 'test.yaml', line: 7 });
    expect(problems[0].column).toBeGreaterThan(1);
  });

  it('reports schema errors at the offending key', () => {
    const problems = check(['id: x', 'on:', '  manual: true', 'steps:', '  - id: a', '    uses: log', '    with:', '      message: hi', '    retries: 3', ''].join('\n'));
    expect(problems).toEqual([expect.objectContaining({ kind: 'schema', line: 9, column: 5, message: expect.stringContaining('unknown key "retries"') })]);
    const missing = check('id: x\non:\n  manual: true\n');
    expect(missing[0]).toMatchObject({ kind: 'schema', line: 1, message: expect.stringContaining('needs "steps"') });
    const duration = check(['id: x', 'on: { manual: true }', 'steps:', '  - id: a', '    uses: log', '    with: { message: hi }', '    timeout: soon', ''].join('\n'));
    expect(duration[0]).toMatchObject({ kind: 'schema', line: 7, column: 14 });
  });

  it('reports unknown actions with a suggestion', () => {
    const problems = check(['id: x', 'on: { manual: true }', 'steps:', '  - id: line', '    uses: panel.createLne', ''].join('\n'));
    expect(problems).toEqual([expect.objectContaining({ kind: 'unknown-action', line: 5, column: 11, message: 'unknown action "panel.createLne" (did you mean panel.createLine?)' })]);
  });

  it("reports inputs that do not match the action's schema, and leaves expressions to run time", () => {
    const problems = check(['id: x', 'on: { manual: true }', 'steps:', '  - id: a', '    uses: panel.createLine', '    with:', '      panel: p1', '      maxConnections: lots', '      colour: blue', '      days: ${{ inputs.days }}', ''].join('\n'));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'input', line: 8, column: 23, message: expect.stringContaining('"maxConnections" must be integer') }),
        expect.objectContaining({ kind: 'input', line: 9, column: 7, message: expect.stringContaining('"colour" is not an input') }),
      ]),
    );
    expect(problems).toHaveLength(2);
  });

  it('reports unknown and forward step references', () => {
    const problems = check(['id: x', 'on: { manual: true }', 'steps:', '  - id: a', '    uses: log', '    with:', '      message: ${{ steps.b.output.x }}', '  - id: b', '    uses: log', '    with:', '      message: ${{ steps.nope.output }}', ''].join('\n'));
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'step-ref', line: 7, message: 'steps.b refers to a step that runs later' }),
      expect.objectContaining({ kind: 'step-ref', line: 11, message: 'unknown step "nope" in steps.nope' }),
    ]);
    expect(problems[0].column).toBeGreaterThanOrEqual(20);
  });

  it('reports expressions that do not parse or type-check, and unknown variables', () => {
    const problems = check(
      ['id: x', 'on:', '  event: payment.succeeded', '  if: ${{ event.kind == }}', 'steps:', '  - id: a', '    uses: log', '    with:', '      message: ${{ 1 + "a" }}', '  - id: b', '    uses: log', '    with:', '      message: ${{ secrets.key }}', ''].join('\n'),
    );
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'expression', line: 4, message: expect.stringContaining('syntax error') }),
      expect.objectContaining({ kind: 'expression', line: 9, message: expect.stringContaining('type error') }),
      expect.objectContaining({ kind: 'expression', line: 13, message: expect.stringContaining('unknown variable "secrets"') }),
    ]);
    expect(problems[1].column).toBeGreaterThanOrEqual(20);
    expect(problems[1].column).toBeLessThanOrEqual(22);
  });

  it('reports duplicate step ids, bad cron expressions and missing triggers', () => {
    const problems = check(['id: x', 'on:', '  schedule: "99 * * * *"', 'steps:', '  - id: a', '    uses: log', '    with: { message: a }', '  - id: a', '    uses: log', '    with: { message: b }', ''].join('\n'));
    expect(problems.map((p) => p.kind).sort()).toEqual(['duplicate', 'trigger']);
  });
});
