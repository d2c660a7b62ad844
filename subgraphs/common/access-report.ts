import type { Role } from '../../platform/auth';
import type { TypeAccess } from './access';
import type { AuditEvent } from './audit';

/**
 * A data subject's access report (GDPR Art. 15, LED Art. 14): from the audit trail of a
 * record, who — by role, organisation and jurisdiction, never by name — read or was
 * refused which categories of the person's data, when, and for which purpose, in plain
 * language. Every subgraph can build one for its declared types.
 */

export interface AccessReportEntry {
  at: Date;
  role: string;
  organization: string;
  jurisdiction: string;
  purpose: string | null;
  action: string;
  categoriesRead: string[];
  categoriesRefused: string[];
  /** One sentence a survivor can read. */
  text: string;
}

const ROLE_WORDS: Record<Role | 'none', string> = {
  judge: 'a judge',
  prosecutor: 'a prosecutor',
  law_enforcement: 'a police officer',
  social_worker: 'a social worker',
  legal_aid_attorney: 'a legal aid lawyer',
  shelter_staff: 'a member of shelter staff',
  accreditation_officer: 'an accreditation officer',
  partner_system: 'a partner organisation’s system',
  auditor: 'an auditor',
  registrar: 'a registrar of the region’s directory',
  defence_counsel: 'defence counsel appointed for a defendant',
  none: 'someone without a valid sign-in',
};

const CATEGORY_WORDS: Record<string, string> = {
  CASE: 'case details',
  IDENTITY: 'identity (name, date of birth)',
  CONTACT: 'contact details',
  HEALTH: 'health and support needs',
  LOCATION: 'whereabouts',
  TESTIMONY: 'statement and screening',
  CONSENT_RECORDS: 'consent records',
};

const ACTION_WORDS: Record<string, string> = {
  REGISTER: 'registered your case',
  SCREENING_RECORDED: 'recorded an identification screening',
  RECOVERY_PERIOD_STARTED: 'started your recovery and reflection period',
  CONSENT_GRANTED: 'recorded your consent to share',
  CONSENT_WITHDRAWN: 'recorded that you withdrew a consent to share',
  DUPLICATE_MATCH_DISCLOSED: 'was told that a record about you exists, to avoid registering you twice',
  AUDIT_TRAIL_READ: 'checked who accessed your data (oversight)',
  ACCESS_REPORT: 'produced a report like this one',
  VICTIM_UPDATED: 'changed your contact details, whereabouts, needs or languages',
  VICTIM_IDENTIFIED: 'recorded that you were identified as a victim of trafficking',
  RETURN_PROPOSED: 'proposed your return home',
  RETURN_RISK_ASSESSED: 'assessed the risks of your return',
  RETURN_AGREED: 'agreed your return and arranged your reception',
  RETURN_DEPARTED: 'recorded your departure home',
  RETURN_ARRIVED: 'recorded your arrival home',
  RETURN_CANCELLED: 'cancelled a planned return',
  REINTEGRATION_OPENED: 'opened your reintegration plan',
  REINTEGRATION_GOAL_ADDED: 'added a goal to your reintegration plan',
  REINTEGRATION_GOAL_UPDATED: 'changed a goal of your reintegration plan',
  REINTEGRATION_REVIEWED: 'reviewed your reintegration plan',
  REINTEGRATION_CLOSED: 'closed your reintegration plan',
};

function list(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "3 March 2026, 14:05 UTC" */
export function when(at: Date): string {
  const time = at.toISOString().slice(11, 16);
  return `${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()}, ${time} UTC`;
}

function categoriesOf(access: TypeAccess<unknown>, fields: string[]): string[] {
  return [...new Set(fields.map((field) => access.fields[field] ?? 'CASE'))].sort();
}

/** The entries of the report, oldest first, for the events between `from` and `to`. */
export function accessReportEntries(events: AuditEvent[], access: TypeAccess<unknown>, from: Date, to: Date): AccessReportEntry[] {
  return events
    .filter((e) => e.at >= from && e.at <= to && !e.action.endsWith('_NOT_APPLIED'))
    .map((e) => {
      const refused = categoriesOf(access, e.deniedFields);
      const read = categoriesOf(access, e.fields.filter((f) => !e.deniedFields.includes(f)));
      const who = `${ROLE_WORDS[e.role as Role | 'none'] ?? `someone in the role ${e.role}`} of ${e.org} (${e.jurisdiction})`;
      const forWhat = e.purpose ? `, for ${e.purpose.toLowerCase().replace(/_/g, ' ')}` : '';
      let what: string;
      if (e.action === 'READ') {
        const parts = [
          ...(read.length ? [`read your ${list(read.map((c) => CATEGORY_WORDS[c] ?? c))}`] : []),
          ...(refused.length ? [`was refused your ${list(refused.map((c) => CATEGORY_WORDS[c] ?? c))}`] : []),
        ];
        what = parts.join(' and ');
      } else if (e.action === 'CONSENT_GRANTED' || e.action === 'CONSENT_WITHDRAWN') {
        what = `${ACTION_WORDS[e.action]} your ${list(e.fields.map((c) => CATEGORY_WORDS[c] ?? c))}`;
      } else {
        what = ACTION_WORDS[e.action] ?? e.action.toLowerCase().replace(/_/g, ' ');
      }
      return {
        at: e.at,
        role: e.role,
        organization: e.org,
        jurisdiction: e.jurisdiction,
        purpose: e.purpose,
        action: e.action,
        categoriesRead: e.action === 'READ' ? read : [],
        categoriesRefused: refused,
        text: `${when(e.at)}: ${who} ${what}${forWhat}.`,
      };
    });
}
