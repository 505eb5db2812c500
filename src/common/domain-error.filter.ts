import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, HTTP_STATUS_BY_KIND, type ErrorDetail } from './domain-error';

interface ErrorBody {
  code: string;
  message: string;
  details: ErrorDetail[];
}

/** The one place where errors become HTTP: `{ code, message, details }` for every failure. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.toBody(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    res.status(status).json(body);
  }

  private toBody(e: unknown): [number, ErrorBody] {
    if (e instanceof DomainError) {
      return [HTTP_STATUS_BY_KIND[e.kind], { code: e.code, message: e.message, details: e.details }];
    }
    if (e instanceof HttpException) {
      const status = e.getStatus();
      const code = status === 404 ? 'route.not_found' : status === 413 ? 'request.too_large' : `http.${status}`;
      return [status, { code, message: e.message, details: [] }];
    }
    return [500, { code: 'internal', message: 'internal error', details: [] }];
  }
}
