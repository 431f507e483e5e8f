// Matches a request line against the protocol's ROUTES table, so the sandbox serves exactly the declared
// paths. Templates such as `/v1/payments?reference={reference}` match on the pathname plus one query
// parameter; path parameters are URL-decoded and returned by name.
import { ROUTES } from '../protocol/schemas';
import { GatewayFailure } from './errors';

export type RouteName = keyof typeof ROUTES;

export interface RouteMatch {
  readonly name: RouteName;
  readonly params: Readonly<Record<string, string>>;
}

interface CompiledRoute {
  readonly name: RouteName;
  readonly method: string;
  readonly pathPattern: RegExp;
  readonly pathParams: readonly string[];
  /** query parameter name -> template parameter name */
  readonly queryParams: readonly (readonly [string, string])[];
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(name: RouteName): CompiledRoute {
  const { method, path } = ROUTES[name];
  const [pathPart = '', queryPart] = path.split('?');
  const pathParams: string[] = [];
  const source = pathPart
    .split(/(\{[A-Za-z]+\})/)
    .map((piece) => {
      const param = /^\{([A-Za-z]+)\}$/.exec(piece);
      if (!param?.[1]) return escapeRe(piece);
      pathParams.push(param[1]);
      return '([^/]+)';
    })
    .join('');
  const queryParams = (queryPart ?? '')
    .split('&')
    .filter((q) => q !== '')
    .map((q): readonly [string, string] => {
      const [key = '', value = ''] = q.split('=');
      return [key, value.replace(/^\{|\}$/g, '')];
    });
  return { name, method, pathPattern: new RegExp(`^${source}$`), pathParams, queryParams };
}

const COMPILED = (Object.keys(ROUTES) as RouteName[]).map(compile);

/** Throws not_found (404) for an unknown path and invalid_request (405) for a known path with another method. */
export function matchRoute(method: string, rawUrl: string): RouteMatch {
  const url = new URL(rawUrl, 'http://sandbox.invalid');
  const candidates = COMPILED.filter((r) => r.pathPattern.test(url.pathname));
  if (candidates.length === 0) throw new GatewayFailure('not_found', `no route for ${url.pathname}`);
  const route = candidates.find((r) => r.method === method.toUpperCase());
  if (!route) {
    const allowed = candidates.map((r) => r.method).join(', ');
    throw new GatewayFailure(
      'invalid_request',
      `method ${method} not allowed here (allowed: ${allowed})`,
      405,
    );
  }
  const params: Record<string, string> = {};
  const values = route.pathPattern.exec(url.pathname) ?? [];
  route.pathParams.forEach((p, i) => {
    params[p] = safeDecode(values[i + 1] ?? '');
  });
  for (const [key, param] of route.queryParams) {
    const value = url.searchParams.get(key);
    if (value === null) throw new GatewayFailure('invalid_request', `query parameter '${key}' is required`);
    params[param] = value;
  }
  return { name: route.name, params };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new GatewayFailure('invalid_request', 'malformed percent-encoding in the path');
  }
}
