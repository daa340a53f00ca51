import type { FormData, FormReading } from './schema';

/**
 * The form was read (not blank, not another file, not unreadable). A module of its own, without
 * the form's zod schemas: the classifier asks it on the sidebar's first view.
 */
export function isFormRead(reading: FormReading | null | undefined): reading is FormData & { status: 'read' } {
  return reading?.status === 'read';
}
