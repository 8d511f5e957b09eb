import http from 'node:http';
import { request, type HttpResult } from '../../../bench/lib/http';
import { API } from '../../../bench/lib/hub';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * A client of the hub with its own keep-alive connection pool. `localAddress`
 * lets each simulated device come from its own loopback address (127.0.0.N), as
 * each PC of an office has its own LAN address: the per-address limits on login
 * and pairing then see what they would see in the office.
 */
export class HubClient {
  agent: http.Agent;
  constructor(
    public base: string,
    public token?: string,
    private readonly localAddress?: string,
    /** Connections at once (a kiosk's queue of printouts is small); unlimited by default. */
    private readonly maxSockets = Infinity,
  ) {
    this.agent = this.newAgent();
  }

  private newAgent(): http.Agent {
    return new http.Agent({ keepAlive: true, maxSockets: this.maxSockets, ...(this.localAddress ? { localAddress: this.localAddress } : {}) });
  }

  /** Resolves with the answer; rejects when the connection fails (the outcome is then unknown). */
  send<T = any>(method: Method, p: string, body?: unknown): Promise<HttpResult<T>> {
    return request<T>(this.agent, method, `${this.base}${API}${p}`, { body, token: this.token });
  }

  async ok<T = any>(method: Method, p: string, body?: unknown): Promise<T> {
    const r = await this.send<T>(method, p, body);
    if (r.status < 200 || r.status >= 300) throw new Error(`${method} ${p} answered ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  }

  /** After a restart the hub listens on a new port. */
  moveTo(base: string): void {
    this.base = base;
    this.agent.destroy();
    this.agent = this.newAgent();
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A register-dossier body that passes validation (a new applicant name per call so searches differ). */
export function dossierBody(n: number, procedureCode = '1.001022') {
  return {
    procedureCode,
    applicant: {
      fullName: `Nguyễn Văn Thử ${n}`,
      idType: 'cccd',
      idNumber: `0010900${String(10000 + (n % 90000)).padStart(5, '0')}`,
      phone: '0912 345 678',
      email: null,
      address: 'Số 1 phố Huế, Hà Nội',
    },
    documents: [{ nameVi: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0, received: true }],
    sets: 1,
    feeCollected: 0,
    resultDelivery: 'counter',
    notes: '',
  };
}
