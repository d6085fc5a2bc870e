/** A published JSON Schema, generated from the zod schema the import itself uses, so the two cannot drift. */
import { z } from 'zod';

export function jsonSchemaResponse(schema: z.ZodType, meta: { $id: string; title: string; description: string }): Response {
  const body = { ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), ...meta };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
}
