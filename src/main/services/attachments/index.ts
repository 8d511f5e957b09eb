import path from 'node:path';
import type { Store } from '../../db/store';
import type { Clock } from '../clock';
import type { AuditService } from '../audit';
import { createAttachmentService } from './attachments';
import { FILES_DIR, createFileStore } from './fileStore';
import { createScanner, type ScannerOptions } from './scanner';
import type { AttachmentLimits } from '../../../shared/domain/digitisation';

export interface DigitisingOptions {
  /** The hub's data folder; files go to `<dataDir>/files`. */
  dataDir?: string;
  scanner?: ScannerOptions;
  limits?: AttachmentLimits;
}

/** Scanner from MOTCUA_SCANNER (a SANE device name, `scanimage -L`) unless the caller names one. */
export function createDigitising(store: Store, clock: Clock, audit: AuditService, options: DigitisingOptions & { dataDir: string }) {
  const files = createFileStore(path.join(options.dataDir, FILES_DIR));
  const device = options.scanner?.device ?? (process.env.MOTCUA_SCANNER || undefined);
  const scanner = createScanner({ ...options.scanner, device });
  return createAttachmentService(store, clock, audit, { files, scanner, limits: options.limits ? () => options.limits! : undefined });
}
