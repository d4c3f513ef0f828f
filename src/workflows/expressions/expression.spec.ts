import { compileCondition, compileExpression, compileTemplate, evaluateCondition, ExpressionError, renderTemplate } from './expression';
import { checkExpression } from './expression-check';

const context = {
  event: { order: { kind: 'new' }, product: { durationDays: 30, panelId: 'p1', price: 12.5 }, customer: { id: 'c1' } },
  steps: { line: { output: { lineId: '42', username: 'u1' }, status: 'succeeded' } },
  run: { id: 'r1' },
  vars: { graceDays: 3 },
};

describe('workflow expressions (CEL)', () => {
  it('keeps the type of a whole expression and interpolates inside strings', () => {
    expect(renderTemplate(compileTemplate('${{ event.product.durationDays * 2 }}'), context)).toBe(60);
    expect(renderTemplate(compileTemplate('${{ steps.line.output }}'), context)).toEqual({ lineId: '42', username: 'u1' });
    expect(renderTemplate(compileTemplate('cust-${{ event.customer.id }}/${{ run.id }}'), context)).toBe('cust-c1/r1');
    expect(renderTemplate(compileTemplate({ a: ['${{ event.product.price + 0.5 }}', 7], b: 'plain' }), context)).toEqual({ a: [13, 7], b: 'plain' });
    expect(renderTemplate(compileTemplate('${{ {"x": event.order.kind, "n": [1, 2].map(i, i * vars.graceDays)} }}'), context)).toEqual({ x: 'new', n: [3, 6] });
  });

  it('evaluates conditions written with or without ${{ }}', () => {
    expect(evaluateCondition(compileCondition('${{ event.order.kind == "new" }}'), context)).toBe(true);
    expect(evaluateCondition(compileCondition("event.order.kind == 'renewal'"), context)).toBe(false);
    expect(evaluateCondition(compileCondition('has(event.order.coupon) || size(event.customer.id) > 0'), context)).toBe(true);
    expect(() => evaluateCondition(compileCondition('event.order.kind'), context)).toThrow(/not true or false/);
  });

  it('reads only the variables an expression names, macros and nested lists included', () => {
    const guarded = (names: string[]) => {
      const out: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(context)) {
        Object.defineProperty(out, name, {
          enumerable: true,
          get: () => {
            if (!names.includes(name)) throw new Error(`${name} was read`);
            return value;
          },
        });
      }
      return out;
    };
    expect(compileExpression('event.customer.id').evaluate(guarded(['event']))).toBe('c1');
    expect(compileExpression('[1, 2].map(i, i * vars.graceDays)[1] + size(steps.line.output.lineId)').evaluate(guarded(['vars', 'steps']))).toBe(8);
    expect(evaluateCondition(compileCondition('has(event.order.coupon) || run.id == "r1"'), guarded(['event', 'run']))).toBe(true);
    expect(compileExpression('1 + 2').evaluate(guarded([]))).toBe(3);
  });

  it('handles timestamps and string extensions', () => {
    expect(compileExpression('string(timestamp("2026-01-01T00:00:00Z") + duration("72h"))').evaluate({})).toBe('2026-01-04T00:00:00Z');
    expect(compileExpression('timestamp("2026-01-01T00:00:00Z") + duration("24h")').evaluate({})).toBe('2026-01-02T00:00:00.000Z');
    expect(compileExpression('"ABC".lowerAscii()').evaluate({})).toBe('abc');
  });

  it('reports syntax errors with their offset and runtime errors as non-retryable', () => {
    try {
      compileExpression('event.order.kind ==');
      throw new Error('expected a syntax error');
    } catch (error) {
      expect(error).toBeInstanceOf(ExpressionError);
      expect((error as ExpressionError).message).toMatch(/syntax error/);
      expect((error as ExpressionError).offset).toBeGreaterThanOrEqual(17);
    }
    const missing = compileExpression('event.nothing.here');
    expect(() => missing.evaluate(context)).toThrow(ExpressionError);
  });

  it('has no way out of the sandbox: unknown identifiers and functions are rejected statically', () => {
    const scope = { steps: new Set(['line']), laterSteps: new Set(['activate']) };
    expect(checkExpression(compileExpression('process.env.HOME'), scope)[0].message).toMatch(/unknown variable "process"/);
    expect(checkExpression(compileExpression('require("fs")'), scope)[0].message).toMatch(/unknown function "require"/);
    expect(checkExpression(compileExpression('steps.nope.output'), scope)[0].message).toMatch(/unknown step "nope"/);
    expect(checkExpression(compileExpression('steps.activate.output'), scope)[0].message).toMatch(/runs later/);
    expect(checkExpression(compileExpression('steps.line.result'), scope)[0].message).toMatch(/a step exposes/);
    expect(checkExpression(compileExpression('1 + "a"'), scope)[0].message).toMatch(/type error/);
    expect(checkExpression(compileExpression('event.x.exists(i, i > 1) && steps.line.output.lineId != ""'), scope)).toEqual([]);
  });
});
