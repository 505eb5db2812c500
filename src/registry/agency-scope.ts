import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error';

/** The agency every query of a request is scoped by (until auth: the `X-Agency` header). */
export interface AgencyScope {
  id: number;
  code: string;
}

export const AGENCY_HEADER = 'x-agency';

/** Route parameter: the agency code the request is scoped to; resolved to an id by the services. */
export const AgencyCode = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const req = ctx.switchToHttp().getRequest<Request>();
  const raw = req.header(AGENCY_HEADER) ?? (typeof req.query.agency === 'string' ? req.query.agency : undefined);
  if (!raw) {
    throw DomainError.validation('agency.missing', 'every request is scoped by an agency', [
      { path: `header ${AGENCY_HEADER}`, message: 'required: the agency code, e.g. "kim-thanh"', key: 'validation.required' },
    ]);
  }
  return raw.normalize('NFC');
});
