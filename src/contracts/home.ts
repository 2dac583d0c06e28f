import { z } from 'zod';

export const TODO_KINDS = [
  'items_returned',
  'approval_waiting',
  'review_waiting',
  'report_to_approve',
  'deadline_soon',
] as const;

/** One open to-do of the caller: what, how many, about which unit, and the page that does it. */
export const Todo = z.object({
  kind: z.enum(TODO_KINDS),
  count: z.number().int().min(1),
  unitName: z.string(),
  /** An app path ('/assessments/…'), never an API URL. */
  link: z.string(),
  /** For deadlines: the calendar date. */
  date: z.string().nullable(),
});
export type Todo = z.infer<typeof Todo>;

export const TodoList = z.object({ todos: z.array(Todo) });
export type TodoList = z.infer<typeof TodoList>;
