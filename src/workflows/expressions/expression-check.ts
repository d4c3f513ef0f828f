import { celEnv, isCelError, parse, plan } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { EXPRESSION_ROOTS, Expression } from './expression';

type Ast = ReturnType<typeof parse>;
type Node = Ast['expr'];

export interface ExpressionProblem {
  message: string;
  /** 0-based offset inside the expression source, when known. */
  offset?: number;
}

export interface CheckScope {
  /** Step ids an expression may refer to (`steps.<id>`). */
  steps: ReadonlySet<string>;
  /** Step ids that exist but come later (referring to them is a mistake worth naming). */
  laterSteps?: ReadonlySet<string>;
}

const STEP_FIELDS = new Set(['output', 'status', 'outcome', 'error', 'attempts']);
const ENV = celEnv({ funcs: strings });
const known = new Map<string, boolean>();

/**
 * Static checks run at load time, before any run: every identifier is a known root (`event`,
 * `steps`, `run`, `env`, `vars`, `inputs`) or a macro variable, `steps.<id>` names an earlier step,
 * every function exists, and sub-expressions made only of literals evaluate (so `1 + "a"` or
 * `int("x")` are type errors at load time, not at 3 a.m.).
 */
export function checkExpression(expression: Expression, scope: CheckScope): ExpressionProblem[] {
  const problems: ExpressionProblem[] = [];
  const positions = (expression.ast.sourceInfo?.positions ?? {}) as Record<string, number>;
  const at = (node: Node) => positions[String(node.id)];
  const visit = (node: Node | undefined, locals: ReadonlySet<string>): void => {
    if (!node) return;
    const kind = node.exprKind;
    switch (kind.case) {
      case 'identExpr':
        if (!locals.has(kind.value.name) && !(EXPRESSION_ROOTS as readonly string[]).includes(kind.value.name)) {
          problems.push({ message: `unknown variable "${kind.value.name}" (available: ${EXPRESSION_ROOTS.join(', ')})`, offset: at(node) });
        }
        return;
      case 'selectExpr': {
        const path = selectPath(node);
        if (path && path[0] === 'steps' && !locals.has('steps')) checkStepPath(path, node);
        visit(kind.value.operand, locals);
        return;
      }
      case 'callExpr': {
        const call = kind.value;
        if (!isOperator(call.function) && !functionExists(call.function, Boolean(call.target))) {
          problems.push({ message: `unknown function "${call.function}"`, offset: at(node) });
        } else if (!hasVariables(node)) {
          const result = (plan(ENV, node) as unknown as () => unknown)();
          if (isCelError(result)) problems.push({ message: `type error: ${result.message}`, offset: at(node) });
        }
        visit(call.target, locals);
        for (const arg of call.args) visit(arg, locals);
        return;
      }
      case 'listExpr':
        for (const element of kind.value.elements) visit(element, locals);
        return;
      case 'structExpr':
        for (const entry of kind.value.entries) {
          if (entry.keyKind.case === 'mapKey') visit(entry.keyKind.value, locals);
          visit(entry.value, locals);
        }
        return;
      case 'comprehensionExpr': {
        const c = kind.value;
        const inner = new Set([...locals, c.iterVar, c.accuVar, ...(c.iterVar2 ? [c.iterVar2] : [])]);
        visit(c.iterRange, locals);
        visit(c.accuInit, locals);
        visit(c.loopCondition, inner);
        visit(c.loopStep, inner);
        visit(c.result, inner);
        return;
      }
      default:
        return;
    }
  };
  const checkStepPath = (parts: string[], node: Node) => {
    const [, stepId, field] = parts;
    if (stepId === undefined) return;
    if (!scope.steps.has(stepId)) {
      const later = scope.laterSteps?.has(stepId);
      problems.push({ message: later ? `steps.${stepId} refers to a step that runs later` : `unknown step "${stepId}" in steps.${stepId}`, offset: at(node) });
    } else if (field !== undefined && !STEP_FIELDS.has(field)) {
      problems.push({ message: `steps.${stepId}.${field}: a step exposes ${[...STEP_FIELDS].join(', ')}`, offset: at(node) });
    }
  };
  visit(expression.ast.expr, new Set());
  // A select chain is visited once from its outermost node; inner select nodes repeat the path.
  return dedupe(problems);
}

/** `a.b.c` → ['a', 'b', 'c'] when the chain starts at an identifier. */
function selectPath(node: Node): string[] | null {
  const parts: string[] = [];
  let current: Node | undefined = node;
  while (current?.exprKind.case === 'selectExpr') {
    parts.unshift(current.exprKind.value.field);
    current = current.exprKind.value.operand;
  }
  if (current?.exprKind.case !== 'identExpr') return null;
  parts.unshift(current.exprKind.value.name);
  return parts;
}

function isOperator(name: string): boolean {
  return /^[_@!-]/.test(name) || name === 'in';
}

function hasVariables(node: Node | undefined): boolean {
  if (!node) return false;
  const kind = node.exprKind;
  switch (kind.case) {
    case 'identExpr':
    case 'comprehensionExpr':
      return true;
    case 'selectExpr':
      return hasVariables(kind.value.operand);
    case 'callExpr':
      return hasVariables(kind.value.target) || kind.value.args.some(hasVariables);
    case 'listExpr':
      return kind.value.elements.some(hasVariables);
    case 'structExpr':
      return kind.value.entries.some((entry) => (entry.keyKind.case === 'mapKey' && hasVariables(entry.keyKind.value)) || hasVariables(entry.value));
    default:
      return false;
  }
}

/** Asks the library itself: an unknown function is "unbound", a known one merely lacks an overload for no arguments. */
function functionExists(name: string, member: boolean): boolean {
  const key = `${member ? '.' : ''}${name}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  let exists: boolean;
  try {
    const result = (plan(ENV, parse(member ? `"".${name}()` : `${name}()`)) as unknown as () => unknown)();
    exists = !(isCelError(result) && /unbound function/.test(result.message));
  } catch {
    exists = false;
  }
  known.set(key, exists);
  return exists;
}

function dedupe(problems: ExpressionProblem[]): ExpressionProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = problem.message;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
