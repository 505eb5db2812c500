import * as fs from 'node:fs';
import * as path from 'node:path';
import { IssuingService } from '../issuing/issuing.service';
import { AgenciesService } from '../registry/agencies.service';
import { AttachmentSigning } from '../signing/attachment-signing';
import { SigningService, type DocumentVerification } from '../signing/signing.service';
import { CliError, locate, withRegistry, type CliIo, type CommandGroup } from './cli-support';
import { printIssued } from './issuing.commands';
import { DEFAULT_PASSPHRASE_ENV, openKey, openSeal, readPng, type KeyOptions } from './signing-keys';

interface SignOptions extends KeyOptions {
  as?: string;
  seal?: boolean;
  image?: string;
  sealMm?: string;
  agency?: string;
  date?: string;
  copies?: string;
  note?: string;
  json?: boolean;
}

/** sign (the leader; with --seal, the agency's signature at issue) and verify */
export const signingCommands: CommandGroup = (program, io, g) => {
  program
    .command('sign <doc>')
    .description(
      "sign a document: the leader (--as <official>) signs the approved document, number and date still blank (→ signed); " +
        "with --seal the agency's signature and seal are applied as the document is issued (same as `issue --p12`)",
    )
    .option('--as <official>', "the official who signs (the document's signature block names them)")
    .option('--seal', "apply the agency's signature and seal: issues the document (number, date, register)")
    .requiredOption('--p12 <file>', 'PKCS#12 key file (.p12/.pfx) of the official, or of the agency with --seal')
    .option('--pass-env <VAR>', `environment variable holding the key file's passphrase (default ${DEFAULT_PASSPHRASE_ENV})`)
    .option('--pass-file <file>', "file whose first line is the key file's passphrase")
    .option(
      '--image <file.png>',
      "the official's signature image (blue) or, with --seal, the agency's seal (red); PNG, transparent background " +
        '(default <data>/signing/<agency>/officials/<official>.png, <data>/signing/<agency>/seal.png)',
    )
    .option('--seal-mm <mm>', "with --seal: the seal's real diameter (default 36)")
    .option('--agency <code>', 'the agency whose registry holds the document')
    .option('--date <yyyy-mm-dd>', 'with --seal: issue date (default: today in Vietnam)')
    .option('--copies <n>', 'with --seal: số lượng bản')
    .option('--note <text>', 'with --seal: ghi chú of the register line')
    .option('--json', 'JSON output')
    .action(async (doc: string, o: SignOptions) => {
      if (o.seal && o.as) throw new CliError('--seal applies the agency\'s signature: leave out --as');
      if (!o.seal && !o.as) throw new CliError('--as <official> is required (or --seal for the agency\'s signature)');
      if (!o.seal && (o.date || o.copies || o.note || o.sealMm)) throw new CliError('--date, --copies, --note and --seal-mm go with --seal');
      if (o.copies !== undefined && !/^\d+$/.test(o.copies)) throw new CliError(`--copies wants a whole number, not "${o.copies}"`);
      if (o.seal) {
        const seal = await openSeal(o, o.image, '--image');
        await withRegistry(g(), io, async (ctx) => {
          const hit = await locate(ctx, doc, o.agency);
          const scope = await ctx.get(AgenciesService).scope(hit.agency);
          const r = await ctx.get(IssuingService).issue(
            scope,
            hit.id,
            { ...(o.date ? { date: o.date } : {}), ...(o.copies !== undefined ? { copies: Number(o.copies) } : {}), ...(o.note ? { note: o.note } : {}) },
            seal,
          );
          printIssued(r, io, o.json);
        });
        return;
      }
      const image = o.image !== undefined ? readPng(o.image, '--image') : undefined;
      const signer = await openKey(o);
      await withRegistry(g(), io, async (ctx) => {
        const hit = await locate(ctx, doc, o.agency);
        const scope = await ctx.get(AgenciesService).scope(hit.agency);
        const r = await ctx.get(SigningService).sign(scope, hit.id, { official: o.as!, signer, ...(image ? { image } : {}) });
        if (o.json) io.out(JSON.stringify(r));
        else {
          io.out(`${r.code}: signed by ${r.signature.signer} at ${r.signature.signedAt} (number and date are written at issue)`);
          io.out(`  ${r.file.role}: ${r.file.name} sha256 ${r.file.sha256}`);
        }
      });
    });

  program
    .command('sign-attachment <doc> <file>')
    .description(
      "sign an attachment sent as a separate PDF with the agency's key once the document is issued: its number and the " +
        "signing time at the top right of page 1 (ND30 PL I §II.8); archived and chained to the document's register line",
    )
    .requiredOption('--p12 <file>', "the agency's PKCS#12 key file (.p12/.pfx)")
    .option('--pass-env <VAR>', `environment variable holding the key file's passphrase (default ${DEFAULT_PASSPHRASE_ENV})`)
    .option('--pass-file <file>', "file whose first line is the key file's passphrase")
    .option('--name <name>', "the file's name in the register (default: its own name)")
    .option('--note <text>', 'ghi chú kept with it')
    .option('--out <file>', 'also write the signed PDF here')
    .option('--agency <code>', 'the agency whose registry holds the document')
    .option('--json', 'JSON output')
    .action(async (doc: string, file: string, o: KeyOptions & { name?: string; note?: string; out?: string; agency?: string; json?: boolean }) => {
      let pdf: Buffer;
      try {
        pdf = fs.readFileSync(file);
      } catch (e) {
        throw new CliError(`cannot read ${file}: ${(e as Error).message}`);
      }
      const signer = await openKey(o);
      await withRegistry(g(), io, async (ctx) => {
        const hit = await locate(ctx, doc, o.agency);
        const scope = await ctx.get(AgenciesService).scope(hit.agency);
        const { signed, ...r } = await ctx.get(AttachmentSigning).sign(scope, hit.id, {
          pdf,
          name: o.name ?? path.basename(file),
          seal: { signer },
          ...(o.note ? { note: o.note } : {}),
        });
        if (o.out) fs.writeFileSync(o.out, signed);
        if (o.json) io.out(JSON.stringify(r));
        else io.out(`${r.reference}: attachment ${r.seq} signed at ${r.signedAt}: ${r.file.name} sha256 ${r.file.sha256}${o.out ? ` → ${o.out}` : ''}`);
      });
    });

  program
    .command('verify <file>')
    .description('check a signed PDF: each signature (valid, signer, time, what it covers), the file against the register, figures drift; exit 1 unless all is well')
    .option('--agency <code>', "only this agency's register")
    .option('--json', 'JSON output')
    .action(async (file: string, o: { agency?: string; json?: boolean }) => {
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (e) {
        throw new CliError(`cannot read ${file}: ${(e as Error).message}`);
      }
      const report = await withRegistry(g(), io, async (ctx) => {
        const scope = o.agency ? await ctx.get(AgenciesService).scope(o.agency) : undefined;
        return ctx.get(SigningService).verify(bytes, scope);
      });
      if (o.json) io.out(JSON.stringify(report));
      else printVerification(file, report, io);
      if (!report.ok) throw new CliError(`verify: ${verdict(report)}`, 1);
    });
};

function verdict(r: DocumentVerification): string {
  if (r.signatures.length === 0) return 'the file carries no signature';
  const bad = r.signatures.filter((s) => !s.valid || s.covers.pagesChangedAfter.length > 0).length;
  if (bad) return `${bad} of ${r.signatures.length} signature(s) not valid`;
  if (r.register.status !== 'found') return `the file is ${r.register.status === 'differs' ? 'not the registered one' : 'not in the register'}`;
  return 'signed by the leader, not issued yet';
}

function printVerification(file: string, r: DocumentVerification, io: CliIo): void {
  io.out(`${file}: ${r.size} bytes, sha256 ${r.sha256}`);
  if (r.signatures.length === 0) io.out('no signatures');
  r.signatures.forEach((s, i) => {
    io.out(`signature ${i + 1}: ${s.field}${s.role ? ` (${s.role})` : ''}: ${s.valid ? 'valid' : 'NOT VALID'}`);
    io.out(`  signer: ${s.signer ?? '?'}${s.signerDn ? ` (${s.signerDn})` : ''}${s.issuerDn ? `, issued by ${s.issuerDn}` : ''}`);
    io.out(`  time: ${s.time ?? '?'}`);
    if (s.reason) io.out(`  reason: ${s.reason}`);
    io.out(`  ${s.summary}`);
    for (const p of s.problems) io.out(`  problem: ${p}`);
  });
  io.out(`register: ${r.register.status}: ${r.register.message}`);
  io.out(
    `figures: ${r.drift.checked ? (r.drift.drift ? `the registry now differs (${r.drift.figures.map((f) => `${f.name}: ${f.inDocument} → ${f.inRegistry}`).join('; ')})` : 'equal to the registry') : r.drift.reason}`,
  );
  for (const n of r.notChecked) io.out(`not checked: ${n}`);
  io.out(r.ok ? 'verified' : `NOT verified: ${verdict(r)}`);
}
