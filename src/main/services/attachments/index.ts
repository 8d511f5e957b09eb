import path from 'node:path';
import type { Store } from '../../db/store';
import type { Clock } from '../clock';
import type { AuditService } from '../audit';
import { createAttachmentService } from './attachments';
import { FILES_DIR, createFileStore } from './fileStore';
import { createScanner, type ScannerOptions } from './scanner';
import { DEFAULT_ATTACHMENT_LIMITS, type AttachmentLimits } from '../../../shared/domain/digitisation';
import type { DigitisingLimits } from '../../../shared/api/attachments';
import type { AuditActor } from '../audit';
import { createAttachmentUploader, type UploaderOptions } from '../../sync/attachmentUpload';
import type { SyncClient } from '../../sync/client';

export interface DigitisingOptions {
  /** The hub's data folder; files go to `<dataDir>/files`. */
  dataDir?: string;
  scanner?: ScannerOptions;
  limits?: AttachmentLimits;
  /** Upload to the district: share of the link's time, chunk size (tests shrink them). */
  upload?: UploaderOptions;
}

/** Scanner from MOTCUA_SCANNER (a SANE device name, `scanimage -L`) unless the caller names one. */
export function createDigitising(store: Store, clock: Clock, audit: AuditService, options: DigitisingOptions & { dataDir: string; client: () => SyncClient | null }) {
  const files = createFileStore(path.join(options.dataDir, FILES_DIR));
  const device = options.scanner?.device ?? (process.env.MOTCUA_SCANNER || undefined);
  const scanner = createScanner({ ...options.scanner, device });
  const uploader = createAttachmentUploader(store, files, options.client, options.upload);
  // The admin's saved limits win; until then the hub's options (tests), else the defaults. Read on every add.
  const limits = (): AttachmentLimits => store.officeSettings.digitisingLimits() ?? options.limits ?? DEFAULT_ATTACHMENT_LIMITS;
  const service = createAttachmentService(store, clock, audit, { files, scanner, limits, onAttached: uploader.enqueue });
  function setLimits(v: DigitisingLimits, by: AuditActor): AttachmentLimits {
    const before = limits();
    audit.audited(by, 'settings.digitising', 'settings:digitising', () => store.officeSettings.setDigitisingLimits(v), () => ({ before, after: v }));
    return limits();
  }
  return { ...service, uploader, limits, setLimits };
}
