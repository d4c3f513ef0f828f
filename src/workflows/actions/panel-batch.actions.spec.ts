import type { PanelClientsService } from '../../core/panels/panel-clients.service';
import { CreateLineInput, LineRef, PanelClient, PanelLine, PluginError } from '../../core/plugins/sdk';
import type { ActionContext } from './action.types';
import { lineKey, panelBatchActions } from './panel-batch.actions';

/**
 * A panel whose create is NOT idempotent (it ignores the idempotency key): only the action's own
 * look-ups keep a retry from duplicating lines. `failAfter` makes the Nth create take effect and
 * then fail, as when the answer is lost.
 */
class NaivePanel implements PanelClient {
  readonly lines = new Map<string, PanelLine>();
  creates: CreateLineInput[] = [];
  failAfter = new Set<number>();
  private next = 1;

  async createLine(input: CreateLineInput): Promise<PanelLine> {
    this.creates.push(input);
    const line: PanelLine = { externalId: String(this.next++), username: input.username as string, password: input.password, packageId: input.packageId, expiresAt: input.expiresAt, maxConnections: input.maxConnections, enabled: true };
    this.lines.set(line.externalId, line);
    if (this.failAfter.has(this.creates.length)) throw new PluginError('PANEL_UNAVAILABLE', 'HTTP 502 after the change');
    return line;
  }

  async getLine(ref: LineRef): Promise<PanelLine | null> {
    return this.lines.get(ref.externalId) ?? null;
  }

  async findLineByUsername(username: string): Promise<PanelLine | null> {
    return [...this.lines.values()].find((line) => line.username === username) ?? null;
  }
}

function setup() {
  const panel = new NaivePanel();
  const panels = { forPanel: async () => ({ client: panel, manifest: { name: 'naive', capabilities: ['createLine', 'getLine', 'findLineByUsername'] } }) } as unknown as PanelClientsService;
  const [action] = panelBatchActions({ panels });
  /** The step's saved state, as the engine keeps it between attempts (here: in memory). */
  const saved: Record<string, unknown> = {};
  const attempt = (n: number) => {
    const state = structuredClone(saved);
    const ctx = {
      runId: 'run-1',
      workflowId: 'bundle',
      stepId: 'lines',
      attempt: n,
      idempotencyKey: 'run-1:lines',
      subscriptionId: null,
      state,
      saveState: async (patch: Record<string, unknown>) => {
        Object.assign(state, patch);
        Object.assign(saved, structuredClone(patch));
      },
      emitOnCommit: () => undefined,
      signal: new AbortController().signal,
      timeScale: 1,
    } as ActionContext;
    return action.run({ panel: 'p1', package: 'gold', count: 3, days: 30, usernamePrefix: 'r' }, ctx) as Promise<{ lines: { index: number; lineId: string; username: string }[] }>;
  };
  return { panel, saved, attempt };
}

describe('panel.createLines', () => {
  it('records each line id as soon as it is known and, on retry, creates only the missing lines', async () => {
    const { panel, saved, attempt } = setup();
    panel.failAfter.add(2);
    await expect(attempt(1)).rejects.toMatchObject({ code: 'PARTIAL_FAILURE', retryable: true, message: expect.stringContaining('(indexes 1)') });
    const lines = saved.lines as { lineId: string | null }[];
    expect(lines.map((line) => line.lineId)).toEqual(['1', null, '3']);

    const output = await attempt(2);
    expect(panel.creates).toHaveLength(3);
    expect(panel.lines.size).toBe(3);
    expect(output.lines.map((line) => line.lineId)).toEqual(['1', '2', '3']);
    expect(panel.creates.map((create) => create.idempotencyKey)).toEqual([0, 1, 2].map((index) => lineKey('run-1:lines', index)));
  });

  it('keeps usernames, passwords and the expiry of the first attempt', async () => {
    const { panel, attempt } = setup();
    panel.failAfter.add(1);
    await expect(attempt(1)).rejects.toMatchObject({ code: 'PARTIAL_FAILURE' });
    const first = panel.creates.map((create) => [create.username, create.password, create.expiresAt]);
    panel.lines.clear(); // deleted on the panel meanwhile: the retry recreates them with the same plan
    await attempt(2);
    expect(panel.creates.slice(3).map((create) => [create.username, create.password, create.expiresAt])).toEqual(first);
    expect(first.every(([username]) => /^r[0-9a-f]{8}$/.test(String(username)))).toBe(true);
  });

  it('stops at a permanent failure and is not retryable', async () => {
    const { panel, attempt } = setup();
    panel.createLine = async () => {
      throw new PluginError('INSUFFICIENT_CREDITS', 'no credits left');
    };
    await expect(attempt(1)).rejects.toMatchObject({ code: 'PARTIAL_FAILURE', retryable: false, message: expect.stringContaining('not attempted: #1, #2') });
  });
});
