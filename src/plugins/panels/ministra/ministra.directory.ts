import { isPluginError, LineRef, PluginError, WireFields } from '../../../core/plugins/sdk';
import { looksLikeMac, MinistraAccount } from './ministra.wire';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Call = <T>(method: Method, resource: string, ids: string[], form?: WireFields, operation?: string) => Promise<T>;

/**
 * Finding and addressing Ministra users. `accounts/<id>` takes an account number or a MAC, and an
 * account number can be shared by several users (boxes made on the portal): it reads and changes
 * them all. `users/<id>` takes a login or a MAC and reaches one user, so changes go there.
 */
export class MinistraDirectory {
  constructor(private readonly call: Call) {}

  /** Changes one user (`users/<login>`, never `accounts/<number>`, which changes every user of the number); answers its login. */
  async put(line: LineRef, fields: WireFields, operation: string): Promise<string> {
    const login = line.username || (await this.target(line)).login;
    await this.call('PUT', 'users', [login], fields, operation);
    return login;
  }

  /**
   * The user a line is: its login, the identifier `accounts/` reaches it by (the line's external id
   * — account number or MAC — or the login's own; empty when it has neither) and whether other
   * users share that identifier. A number shared by several users without the line's login to tell
   * them apart is refused rather than guessed.
   */
  async target(line: LineRef): Promise<{ login: string; accountId: string; shared: boolean }> {
    const byLogin = !line.externalId && line.username ? await this.user(line.username) : null;
    const id = line.externalId || (byLogin ? byLogin.account_number || byLogin.stb_mac || '' : '');
    const holders = id ? await this.accounts(id) : [];
    const own = line.username ? holders.find((holder) => holder.login === line.username) : holders.length === 1 ? holders[0] : undefined;
    if (own) return { login: own.login, accountId: id, shared: holders.length > 1 };
    if (holders.length > 1) throw new PluginError('INVALID_INPUT', `Account number ${id} is shared by ${holders.length} users; give the line's login to choose one`);
    const found = byLogin ?? (line.username ? await this.user(line.username) : null);
    if (!found) throw new PluginError('USER_NOT_FOUND', `Account ${line.username || line.externalId} does not exist on the portal`);
    return { login: found.login, accountId: found.account_number || found.stb_mac || '', shared: false };
  }

  /** Optional packages exist only per account number (or MAC): one shared with other users is refused (a change would reach them too). */
  async ownNumber(line: LineRef, operation: string): Promise<string> {
    const { login, accountId, shared } = await this.target(line);
    if (shared) throw new PluginError('NOT_SUPPORTED', `${operation}: account number ${accountId} is shared by several users, and a change would reach all of them`);
    if (!accountId) throw new PluginError('NOT_SUPPORTED', `${operation}: account ${login} has no account number or MAC to address its packages by`);
    return accountId;
  }

  async accounts(id: string): Promise<MinistraAccount[]> {
    if (!id || id.includes(',')) return [];
    try {
      return (await this.call<MinistraAccount[]>('GET', 'accounts', [id], undefined, 'getLine')) ?? [];
    } catch (error) {
      if (isPluginError(error) && error.code === 'USER_NOT_FOUND') return [];
      throw error;
    }
  }

  /** `users/<login>` answers a single object, not a list. */
  async user(login: string): Promise<MinistraAccount | null> {
    if (!login || looksLikeMac(login)) return null;
    try {
      return await this.call<MinistraAccount>('GET', 'users', [login], undefined, 'findLineByUsername');
    } catch (error) {
      if (isPluginError(error) && error.code === 'USER_NOT_FOUND') return null;
      throw error;
    }
  }
}
