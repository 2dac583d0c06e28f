import { TodoList } from '../../../contracts/home.ts';
import type { AppDeps } from '../../http/deps.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { authOf } from '../../http/request-actor.ts';
import { listTodos } from './list-todos.ts';

export const homeRoutes = (deps: AppDeps): AnyRouteSpec[] => [
  defineRoute({
    method: 'GET',
    url: '/api/me/todos',
    summary: "The caller's open to-dos with counts and the page that does each",
    tags: ['home'],
    // Acts on the caller herself; each kind is filtered by where her roles reach.
    access: { kind: 'authenticated' },
    schema: { response: { 200: TodoList } },
    handler: async (req) => ({ todos: await listTodos(deps.db, authOf(req).actor, deps.now()) }),
  }),
];
