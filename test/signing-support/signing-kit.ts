import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgencyRecord, DocumentRecord, OfficialRecord } from '../../src/registry/records/record-set';
import { agencyRecord, officialRecord, outgoingPlan } from '../factories';
import { sealPng, signaturePng } from './images';
import { AGENCY_NAME, LEADER_NAME, makeTestPki, type TestPki } from './test-pki';

/**
 * Everything a signing test needs on disk, made at test time: the test PKI (leader and agency
 * PKCS#12 files, never committed), the signature and seal images as PNG files, and a passphrase
 * file for the agency's key.
 */
export interface SigningKit {
  pki: TestPki;
  signatureImage: string;
  sealImage: string;
  /** first line: the agency key's passphrase */
  agencyPassFile: string;
  cleanup(): void;
}

export function makeSigningKit(): SigningKit {
  const pki = makeTestPki();
  const signatureImage = join(pki.dir, 'chu-ky.png');
  const sealImage = join(pki.dir, 'con-dau.png');
  const agencyPassFile = join(pki.dir, 'agency.pass');
  writeFileSync(signatureImage, signaturePng());
  writeFileSync(sealImage, sealPng());
  writeFileSync(agencyPassFile, `${pki.agency.passphrase}\n`);
  return { pki, signatureImage, sealImage, agencyPassFile, cleanup: () => pki.cleanup() };
}

/** An agency named as the test agency certificate, and its leader named as the leader certificate. */
export function signingAgency(over: Partial<AgencyRecord> = {}): { agency: AgencyRecord; leader: OfficialRecord } {
  const agency = agencyRecord({ name: AGENCY_NAME, shortName: 'UBND xã Kim Thành', placeName: 'Kim Thành', ...over });
  const leader = officialRecord(agency.code, { name: LEADER_NAME, position: 'Phó Chủ tịch' });
  return { agency, leader };
}

/** An approved plan, number and date blank: ready for the leader's signature. */
export function approvedPlan(agency: string, leader: string, over: Partial<DocumentRecord> = {}): DocumentRecord {
  return outgoingPlan(agency, leader, { number: null, date: null, status: 'approved', ...over });
}
