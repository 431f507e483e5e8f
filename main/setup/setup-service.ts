// Where a settings change and leaving training are decided: who may, what is written, what is journaled, and
// that the app restarts to apply it (a running host never half-applies new settings).
import {
  SETTINGS_KEYS,
  type GatewayTestView,
  type SettingsDoc,
  type SettingsSaved,
  type SettingsView,
} from '../api/contract';
import { PosFailure } from '../api/result';
import { CONFIG_FILE, DEFAULT_TAX_CATEGORIES, loadConfig, type PosConfig } from '../config/config';
import { PREVIOUS_CONFIG_FILE, checkSettings, saveConfig } from '../config/config-store';
import type { ApprovalInput, Approvals } from '../staff/approvals';
import { approvedBy } from '../staff/approvals';
import type { ApprovedActionJournal } from '../staff/approved-action';
import type { Operator } from '../staff/operator-repo';
import { isSeniorRole } from '../staff/permissions';
import { TRAINING_MANAGER_ID } from '../staff/training-staff';
import { requestGoLive } from '../training/go-live';
import { SERVER_CERT_FILE, TERMINAL_SECRET_FILE, fileExists, writePrivateFile } from './secret-files';
import fs from 'node:fs';
import path from 'node:path';

export interface SetupDeps {
  readonly dataDir: string;
  readonly logDir: string;
  /** this start's mode (a --training start may differ from config.json) */
  readonly training: boolean;
  readonly approvals: Approvals;
  readonly journal: ApprovedActionJournal;
  /** the operators on file (not the training manager) */
  readonly operators: { list(): readonly Pick<Operator, 'role' | 'active'>[] };
  /** the shell's restart, when it has one; called after the answer is on its way */
  readonly restart: (() => void) | undefined;
  readonly testGateway: (input: GatewayProbe) => Promise<GatewayTestView>;
  readonly now: () => Date;
}

/** A gateway to try, secrets as typed (not yet saved) or, when absent, those on file. */
export interface GatewayProbe {
  readonly url: string;
  readonly terminalSecret: string | undefined;
  readonly serverCertPem: string | undefined;
}

export interface SettingsChange {
  readonly approval: ApprovalInput;
  readonly settings: Record<string, unknown>;
  readonly terminalSecret?: string | undefined;
  readonly serverCertPem?: string | undefined;
}

/** Leaving training, with the live gateway (if the shop takes cards or QR) and its secrets. */
export interface GoLiveChange {
  readonly approval: ApprovalInput;
  readonly gateway?: Record<string, unknown> | undefined;
  readonly terminalSecret?: string | undefined;
  readonly serverCertPem?: string | undefined;
}

export interface SetupService {
  view(): SettingsView;
  save(change: SettingsChange): SettingsSaved;
  goLive(request: GoLiveChange): SettingsSaved;
  testGateway(probe: GatewayProbe): Promise<GatewayTestView>;
}

export function createSetupService(d: SetupDeps): SetupService {
  const managersOnFile = (): number =>
    d.operators.list().filter((o) => o.active && isSeniorRole(o.role)).length;
  const restartSoon = (): boolean => {
    if (!d.restart) return false;
    const restart = d.restart;
    setImmediate(restart); // after this call's answer is sent
    return true;
  };
  return {
    view() {
      const settings = loadConfig(d.dataDir);
      return {
        // The tax table the till uses, shown (and saved) explicitly even while config.json leaves it default.
        settings: {
          ...screenPart(settings),
          taxCategories: settings.taxCategories ?? DEFAULT_TAX_CATEGORIES,
        },
        training: d.training,
        firstStart: d.training && !fs.existsSync(path.join(d.dataDir, PREVIOUS_CONFIG_FILE)),
        dataDir: d.dataDir,
        logDir: d.logDir,
        terminalSecretSet: fileExists(d.dataDir, settings.gateway?.terminalSecretFile),
        serverCertSet: fileExists(d.dataDir, settings.gateway?.serverCertFile),
        managersOnFile: managersOnFile(),
        restartsItself: d.restart !== undefined,
      };
    },

    save(change) {
      const approver = d.approvals.approve('settings.change', change.approval);
      const current = loadConfig(d.dataDir);
      // Leaving training is its own step (goLive): it archives the training store, a settings save does not;
      // and a training till never holds a real gateway (the start would be refused), so that comes with it.
      if (change.settings['trainingMode'] !== current.trainingMode) {
        throw new PosFailure('MODE_CONFLICT', 'trainingMode changes only by leaving training (setup.goLive)');
      }
      if (current.trainingMode && change.settings['gateway'] !== undefined) {
        throw new PosFailure('MODE_CONFLICT', 'a real gateway is set when leaving training (setup.goLive)');
      }
      const next = { ...fileOnlyPart(current), ...withSecretRefs(change) };
      checkSettings(next, path.join(d.dataDir, CONFIG_FILE)); // before any secret file is written
      writeSecrets(change);
      const saved = saveConfig(d.dataDir, next);
      d.journal('settings.changed', approver, { changes: saved.changes, secrets: secretsGiven(change) });
      return { changes: saved.changes, restarting: restartSoon() };
    },

    goLive(request) {
      const approver = d.approvals.approve('training.leave', request.approval);
      const current = loadConfig(d.dataDir);
      if (!d.training || !current.trainingMode)
        throw new PosFailure('MODE_CONFLICT', 'this till is already live');
      if (approver.operatorId === TRAINING_MANAGER_ID || managersOnFile() === 0) {
        throw new PosFailure(
          'REAL_MANAGER_REQUIRED',
          'leaving training needs a manager on file, not the training manager',
        );
      }
      const { trainingMode: _training, gateway: _gateway, ...rest } = current;
      const live = { ...rest, trainingMode: false, ...(request.gateway ? { gateway: request.gateway } : {}) };
      // Checked whole before anything is written: a bad gateway leaves the till in training, untouched.
      const next = withSecretRefs({ ...request, settings: live });
      checkSettings(next, path.join(d.dataDir, CONFIG_FILE));
      writeSecrets(request);
      requestGoLive(d.dataDir, { approvedBy: approvedBy(approver), requestedAt: d.now().toISOString() });
      const saved = saveConfig(d.dataDir, next);
      d.journal('training.leave-requested', approver, {
        changes: saved.changes,
        secrets: secretsGiven(request),
      });
      return { changes: saved.changes, restarting: restartSoon() };
    },

    testGateway: (probe) => d.testGateway(probe),
  };

  /** The settings referring to the secrets this change brings by their file names (nothing written yet). */
  function withSecretRefs(change: Omit<SettingsChange, 'approval'>): Record<string, unknown> {
    const gateway = change.settings['gateway'];
    if (gateway === undefined || gateway === null || typeof gateway !== 'object') return change.settings;
    return {
      ...change.settings,
      gateway: {
        ...(gateway as Record<string, unknown>),
        ...(change.terminalSecret === undefined ? {} : { terminalSecretFile: TERMINAL_SECRET_FILE }),
        ...(change.serverCertPem === undefined ? {} : { serverCertFile: SERVER_CERT_FILE }),
      },
    };
  }

  /** Writes the secrets this change brings to their private files (once the settings are known to be good). */
  function writeSecrets(change: Pick<SettingsChange, 'terminalSecret' | 'serverCertPem'>): void {
    if (change.terminalSecret !== undefined)
      writePrivateFile(d.dataDir, TERMINAL_SECRET_FILE, change.terminalSecret);
    if (change.serverCertPem !== undefined)
      writePrivateFile(d.dataDir, SERVER_CERT_FILE, change.serverCertPem);
  }
}

/** What the settings screen edits (SettingsDoc), and the rest of config.json, which a save keeps as it is. */
const isScreenKey = (k: string): boolean => (SETTINGS_KEYS as readonly string[]).includes(k);
const screenPart = (c: PosConfig): SettingsDoc =>
  Object.fromEntries(Object.entries(c).filter(([k]) => isScreenKey(k))) as SettingsDoc;
const fileOnlyPart = (c: PosConfig): Record<string, unknown> =>
  Object.fromEntries(Object.entries(c).filter(([k]) => !isScreenKey(k)));

/** Which secrets a change brought (never their values), for the journal. */
const secretsGiven = (c: Pick<SettingsChange, 'terminalSecret' | 'serverCertPem'>) => ({
  terminalSecret: c.terminalSecret !== undefined,
  serverCert: c.serverCertPem !== undefined,
});
