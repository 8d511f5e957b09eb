/**
 * `npm run district:cli -- <command>`: plays the departments against a
 * running district server through its back-office API (DISTRICT_URL, default
 * http://127.0.0.1:8090; DISTRICT_BACKOFFICE_TOKEN, default the demo token).
 *
 *   office <id> <agency code> <name…>      create or rename an office
 *   code <office id>                       a one-time enrolment code for a hub
 *   list <office id>                       the office's latest dossiers
 *   show <code>                            one dossier with its history
 *   move <code> [--stage S] [--department D] [--handler H] [--status processing|refused|…] [--note N]
 *   supplement <code> <reason> <item> [item…]
 *   ready <code> [note]                    the result is ready
 *   extend <code> <YYYY-MM-DD[THH:MM]> <reason>   extend the due time (office time, UTC+7)
 *   online <office id> <code> <procedure code> <days> <applicant name> [--id N] [--phone P] [--address A] [--fee VND] [--paid 1|2]
 *                                          a dossier filed online on the portal, for the office (channel 2)
 *   paid <code> <0|1|2>                    the portal says whether it was paid online
 *   holiday <YYYY-MM-DD> <name vi> <name en> [--working]   publish a day off (or a swapped working day)
 *   unholiday <YYYY-MM-DD>                 withdraw it
 *   procedure <file.json>                  publish a procedure (the catalogue's JSON shape)
 *   notice <id> <title vi> <body vi>       publish a notice to every office
 *   compact <office id>                    forget old changes (hubs behind must re-download)
 */
import fs from 'node:fs';

async function call(method: string, path: string, body?: unknown): Promise<unknown> {
  const base = (process.env.DISTRICT_URL ?? 'http://127.0.0.1:8090').replace(/\/+$/, '');
  const token = process.env.DISTRICT_BACKOFFICE_TOKEN ?? 'demo-back-office';
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) throw new Error((json as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${res.status}`);
  return json;
}

function flags(args: string[]): { rest: string[]; opts: Record<string, string | true> } {
  const rest: string[] = [];
  const opts: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) opts[a.slice(2)] = true;
      else {
        opts[a.slice(2)] = next;
        i++;
      }
    } else rest.push(a);
  }
  return { rest, opts };
}

/** Office time (UTC+7) to epoch ms. */
const officeTime = (s: string) => {
  const ms = Date.parse(/T/.test(s) ? `${s}:00+07:00` : `${s}T17:00:00+07:00`);
  if (Number.isNaN(ms)) throw new Error(`Not a date: ${s} (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)`);
  return ms;
};

export async function run(argv: string[]): Promise<unknown> {
  const [command, ...args] = argv;
  const { rest, opts } = flags(args);
  const need = (n: number, usage: string) => {
    if (rest.length < n) throw new Error(`Usage: ${command} ${usage}`);
  };
  const code = () => encodeURIComponent(rest[0]!.toUpperCase());
  switch (command) {
    case 'office':
      need(3, '<id> <agency code> <name…>');
      return call('POST', '/back-office/offices', { id: rest[0], agencyCode: rest[1], name: rest.slice(2).join(' ') });
    case 'code':
      need(1, '<office id>');
      return call('POST', `/back-office/offices/${encodeURIComponent(rest[0]!)}/enrolment-codes`, {});
    case 'list':
      need(1, '<office id>');
      return call('GET', `/back-office/offices/${encodeURIComponent(rest[0]!)}/dossiers`);
    case 'show':
      need(1, '<code>');
      return call('GET', `/back-office/dossiers/${code()}`);
    case 'move':
      need(1, '<code> [--stage S] [--department D] [--handler H] [--status S] [--note N]');
      return call('POST', `/back-office/dossiers/${code()}/move`, {
        ...(typeof opts.stage === 'string' ? { stage: opts.stage } : {}),
        ...(typeof opts.department === 'string' ? { department: opts.department } : {}),
        ...(typeof opts.handler === 'string' ? { handler: opts.handler } : {}),
        ...(typeof opts.status === 'string' ? { status: opts.status } : {}),
        ...(typeof opts.note === 'string' ? { note: opts.note } : {}),
      });
    case 'supplement':
      need(3, '<code> <reason> <item> [item…]');
      return call('POST', `/back-office/dossiers/${code()}/supplement`, { reason: rest[1], items: rest.slice(2) });
    case 'ready':
      need(1, '<code> [note]');
      return call('POST', `/back-office/dossiers/${code()}/result-ready`, rest[1] ? { note: rest[1] } : {});
    case 'extend':
      need(3, '<code> <YYYY-MM-DD[THH:MM]> <reason>');
      return call('POST', `/back-office/dossiers/${code()}/extend`, { dueAt: officeTime(rest[1]!), reason: rest.slice(2).join(' ') });
    case 'online': {
      need(5, '<office id> <code> <procedure code> <working days> <applicant name…> [--id N] [--phone P] [--address A] [--fee VND] [--paid 1|2]');
      const now = Date.now();
      const days = Number(rest[3]);
      return call('POST', '/back-office/online-dossiers', {
        officeId: rest[0],
        code: rest[1]!.toUpperCase(),
        // The portal's own due; a rough one here (calendar days), the CLI being a demo of the departments.
        dueAt: now + Math.max(1, days) * 86_400_000,
        paidOnline: opts.paid === '1' ? 1 : opts.paid === '2' ? 2 : 0,
        application: {
          procedureCode: rest[2],
          procedureNameVi: typeof opts.name === 'string' ? opts.name : rest[2],
          processingValue: days,
          processingUnit: 'working_days',
          applicantName: rest.slice(4).join(' '),
          applicantIdType: 'cccd',
          applicantIdNumber: typeof opts.id === 'string' ? opts.id : '001090123456',
          applicantPhone: typeof opts.phone === 'string' ? opts.phone : '0912345678',
          applicantAddress: typeof opts.address === 'string' ? opts.address : '',
          acceptedAt: now,
          feeVnd: typeof opts.fee === 'string' ? Number(opts.fee) : 0,
        },
      });
    }
    case 'paid':
      need(2, '<code> <0|1|2>');
      return call('POST', `/back-office/dossiers/${code()}/paid-online`, { paidOnline: Number(rest[1]) });
    case 'holiday':
      need(3, '<YYYY-MM-DD> <name vi> <name en> [--working]');
      return call('POST', '/back-office/calendar-days', { date: rest[0], nameVi: rest[1], nameEn: rest[2], kind: opts.working ? 'working_day' : 'holiday' });
    case 'unholiday':
      need(1, '<YYYY-MM-DD>');
      return call('DELETE', `/back-office/calendar-days/${encodeURIComponent(rest[0]!)}`);
    case 'procedure':
      need(1, '<file.json>');
      return call('POST', '/back-office/procedures', JSON.parse(fs.readFileSync(rest[0]!, 'utf8')) as unknown);
    case 'notice':
      need(3, '<id> <title vi> <body vi>');
      return call('POST', '/back-office/notices', { id: rest[0], titleVi: rest[1], titleEn: rest[1], bodyVi: rest.slice(2).join(' '), bodyEn: rest.slice(2).join(' ') });
    case 'compact':
      need(1, '<office id>');
      return call('POST', `/back-office/offices/${encodeURIComponent(rest[0]!)}/compact`, {});
    default:
      throw new Error('Commands: office, code, list, show, move, supplement, ready, extend, online, paid, holiday, unholiday, procedure, notice, compact (see src/district/cli.ts).');
  }
}

if (process.argv[1] && /cli\.[cm]?[jt]s$/.test(process.argv[1])) {
  run(process.argv.slice(2))
    .then((out) => console.log(JSON.stringify(out, null, 2)))
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    });
}
