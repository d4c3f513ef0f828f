import { ConfigError, loadConfig } from '../../config/hub-config';
import { DEFAULT_CODE_LOGIN_POLICY, lockoutLength } from './code-login-policy';

describe('code login policy', () => {
  it('defaults, reads the environment, and refuses bad values all at once', () => {
    expect(loadConfig({}).codeLogin).toEqual(DEFAULT_CODE_LOGIN_POLICY);
    expect(loadConfig({ HUB_CODE_LOGIN_BUDGET: '3', HUB_CODE_LOGIN_LOCKOUT_SECONDS: '30', HUB_CODE_LOGIN_FAILURE_FLOOR_MS: '0' }).codeLogin).toMatchObject({ budget: 3, lockoutMs: 30_000, failureFloorMs: 0 });
    const bad = () => loadConfig({ HUB_CODE_LOGIN_BUDGET: '0', HUB_CODE_LOGIN_ALARM_FAILURES: 'many' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/HUB_CODE_LOGIN_BUDGET[\s\S]*HUB_CODE_LOGIN_ALARM_FAILURES/);
  });

  it('doubles each lockout up to the cap', () => {
    const policy = { ...DEFAULT_CODE_LOGIN_POLICY, lockoutMs: 60_000, maxLockoutMs: 300_000 };
    expect([1, 2, 3, 4, 5].map((n) => lockoutLength(policy, n))).toEqual([60_000, 120_000, 240_000, 300_000, 300_000]);
  });
});
