import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiHeader } from '@nestjs/swagger';
import { z } from 'zod';
import { AGENCY_HEADER } from '../registry/agency-scope';

/** OpenAPI request body generated from the zod schema that validates it (one source of truth). */
export function ApiZodBody(schema: z.ZodType, description?: string): MethodDecorator {
  return ApiBody({
    description,
    schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
  });
}

export function ApiAgencyScoped(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiHeader({ name: AGENCY_HEADER, required: true, description: 'agency code every query is scoped by, e.g. kim-thanh' }),
  );
}
