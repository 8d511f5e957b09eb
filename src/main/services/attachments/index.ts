import path from 'node:path';
import type { Store } from '../../db/store';
import type { Clock } from '../clock';
import type { AuditService } from '../audit';
import { createAttachmentService } from './attachments';
import { FILES_DIR, createFileStore } from './fileStore';
import { createScanner, type ScannerOptions } from './scanner';
import type { AttachmentLimits } from '../../../shared/domain/digitisation';
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
  const service = createAttachmentService(store, clock, audit, { files, scanner, limits: options.limits ? () => options.limits! : undefined, onAttached: uploader.enqueue });
  return { ...service, uploader };
}
