import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { GATEWAY_ENV, keyDirectoriesOf, secretsOf, SUBGRAPH_ENV, type EnvShape } from '../../platform/config';
import { ROOT } from '../../platform/paths';
import { erasureFollowersFor, SUBGRAPHS } from '../../subgraphs/registry';

// The production shape (docker-compose.yml, the Dockerfile, deploy/router.yaml), checked
// structurally: no Docker engine runs where the tests do. Every subgraph of the registry
// must be deployed with what it needs, healthy before what depends on it, from pinned
// images, and only the gateway (and the optional router) may be reachable from outside.

type Service = {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string | number | boolean | null>;
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string[] | string; disable?: boolean };
  ports?: Array<string | { target?: number; published?: string | number }>;
  expose?: unknown;
  profiles?: string[];
  volumes?: Array<string | { type?: string; source?: string; target?: string }>;
  network_mode?: string;
};

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service>; volumes?: Record<string, unknown> };
const services = compose.services;
const routerConfig = parse(read('deploy/router.yaml')) as Record<string, any>;
const packageVersion = (JSON.parse(read('package.json')) as { version: string }).version;

const HUB_IMAGE = `justice-hub:${packageVersion}`;
const ROUTER_PROFILE = 'router';
const envName = (name: string) => name.toUpperCase().replace(/-/g, '_');
const urlOf = (name: string, port: number) => `http://${name}:${port}/graphql`;
const required = (shape: EnvShape) => Object.entries(shape).filter(([, schema]) => !schema.isOptional()).map(([name]) => name);
const withProfile = Object.entries(services).filter(([, s]) => s.profiles?.length);
const byDefault = Object.entries(services).filter(([, s]) => !s.profiles?.length);
const dependencies = (s: Service): Record<string, { condition?: string }> =>
  Array.isArray(s.depends_on) ? Object.fromEntries(s.depends_on.map((d) => [d, {}])) : (s.depends_on ?? {});
const mounts = (s: Service) =>
  (s.volumes ?? []).map((v) => {
    if (typeof v !== 'string') return { source: v.source ?? '', target: v.target ?? '' };
    const [source, target] = v.split(':');
    return { source, target };
  });

/** The subgraphs another subgraph asks through `ctx.peers` (its <NAME>_SERVICE_URL), read from its sources. */
function peersAskedBy(name: string): Set<string> {
  const asked = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const file = path.join(dir, entry);
      if (statSync(file).isDirectory()) walk(file);
      else if (file.endsWith('.ts')) for (const m of readFileSync(file, 'utf8').matchAll(/peers\.(?:entities|query)[^(]*\(\s*['"]([a-z][a-z-]*)['"]/g)) asked.add(m[1]);
    }
  };
  walk(path.join(ROOT, 'subgraphs', name));
  return asked;
}

describe('docker-compose.yml', () => {
  it('gives every service a health check', () => {
    for (const [name, s] of Object.entries(services)) {
      const test = s.healthcheck?.test;
      expect({ name, disabled: s.healthcheck?.disable ?? false, test: Array.isArray(test) ? test.length > 1 && test[0] !== 'NONE' : typeof test === 'string' && test.length > 0 }).toEqual({ name, disabled: false, test: true });
    }
  });

  it('starts a service only once what it depends on is healthy', () => {
    for (const [name, s] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(dependencies(s))) {
        expect({ name, dependency, exists: dependency in services, condition }).toEqual({ name, dependency, exists: true, condition: 'service_healthy' });
        // A default service never waits for one that starts only under a profile.
        if (!s.profiles?.length) expect({ name, dependency, profiles: services[dependency].profiles ?? [] }).toEqual({ name, dependency, profiles: [] });
      }
    }
  });

  it('pins every image: exact releases from registries, the hub image built here with the package version', () => {
    for (const [name, s] of Object.entries(services)) {
      expect({ name, image: typeof s.image }).toEqual({ name, image: 'string' });
      const image = s.image!;
      if (s.build !== undefined) {
        expect({ name, image }).toEqual({ name, image: HUB_IMAGE });
        continue;
      }
      const digest = /@sha256:[0-9a-f]{64}$/.test(image);
      const tag = /:([^/:@]+)$/.exec(image)?.[1];
      // Untagged (= latest), latest, or a moving tag like `mongo:7` are refused: a patch release (x.y.z) or a digest.
      expect({ name, image, pinned: digest || (tag !== undefined && tag !== 'latest' && /^v?\d+\.\d+\.\d+(?:[-.][\w.-]+)?$/.test(tag)) }).toEqual({ name, image, pinned: true });
    }
    expect(services.mongodb.image).toMatch(/^mongo:7\.0\.\d+$/);
    expect(services.router.image).toMatch(/^ghcr\.io\/apollographql\/router:v\d+\.\d+\.\d+$/);
  });

  it('pins the base images of the Dockerfile', () => {
    const bases = [...read('Dockerfile').matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
    expect(bases.length).toBeGreaterThan(0);
    for (const base of bases) expect({ base, pinned: /@sha256:[0-9a-f]{64}$/.test(base) || /:\d+\.\d+\.\d+(?:-[\w.-]+)?$/.test(base) }).toEqual({ base, pinned: true });
  });

  it('publishes only the gateway, and the router under its profile', () => {
    const published = Object.entries(services)
      .filter(([, s]) => (s.ports ?? []).length > 0)
      .map(([name]) => name)
      .sort();
    expect(published).toEqual(['gateway', 'router']);
    expect(services.gateway.ports).toEqual(['${GATEWAY_PORT:-4000}:4000']);
    expect(services.router.ports).toEqual(['${ROUTER_PORT:-4100}:4000']);
    for (const [name, s] of Object.entries(services)) expect({ name, network_mode: s.network_mode }).toEqual({ name, network_mode: undefined });
  });

  it('runs MongoDB 7 as a replica set that the subgraphs connect to', () => {
    const mongo = services.mongodb;
    const replSet = mongo.command?.[mongo.command.indexOf('--replSet') + 1];
    expect(replSet).toMatch(/^\w+$/);
    expect(JSON.stringify(mongo.healthcheck?.test)).toContain(`rs.initiate({ _id: '${replSet}'`);
    expect(mounts(mongo).map((m) => m.target)).toContain('/data/db');
    for (const { definition } of SUBGRAPHS) {
      const uri = String(services[definition.name].environment?.MONGODB_URI);
      expect({ name: definition.name, uri }).toEqual({ name: definition.name, uri: `mongodb://mongodb:27017/?replicaSet=${replSet}` });
      expect(dependencies(services[definition.name]).mongodb).toEqual({ condition: 'service_healthy' });
    }
  });

  describe.each(SUBGRAPHS.map((entry) => [entry.definition.name, entry] as const))('the %s subgraph', (name, { port, definition }) => {
    const service = () => services[name];
    const env = () => service().environment ?? {};

    it('is a service that runs it on its registry port', () => {
      expect(service()).toBeDefined();
      expect(service().build).toBeDefined();
      expect(service().command).toEqual(['node', 'dist/subgraphs/main.js', name]);
      expect(env().PORT).toBe(String(port));
      expect(JSON.stringify(service().healthcheck?.test)).toContain(`http://127.0.0.1:${port}/ready`);
      expect(service().profiles).toBeUndefined();
    });

    it('is given every variable it requires, secrets from the environment of `docker compose`', () => {
      const shape = { ...SUBGRAPH_ENV, ...definition.env } as EnvShape;
      for (const variable of required(shape)) {
        expect({ variable, set: typeof env()[variable] === 'string' && String(env()[variable]).length > 0 }).toEqual({ variable, set: true });
      }
      // A secret is never written into the file: `${NAME:?…}` makes compose refuse to start without it.
      for (const [variable] of secretsOf(shape)) expect(String(env()[variable])).toMatch(new RegExp(`^\\$\\{${variable}:\\?.+\\}$`));
    });

    it('keeps its key directories on a named volume', () => {
      for (const [variable] of keyDirectoriesOf(definition.env as EnvShape)) {
        const mount = mounts(service()).find((m) => m.target === env()[variable]);
        expect({ variable, mount: mount && /^[\w-]+$/.test(mount.source) && mount.source in (compose.volumes ?? {}) }).toEqual({ variable, mount: true });
      }
    });

    it('can ask the victims subgraph for consents, and the subgraphs it asks on a caller’s behalf', () => {
      const victims = SUBGRAPHS.find((s) => s.definition.name === 'victims')!;
      if (name !== 'victims') expect(env().CONSENT_SERVICE_URL).toBe(urlOf('victims', victims.port));
      // The owner of the erasure feed nudges its followers (common/erasure.ts).
      for (const follower of erasureFollowersFor(SUBGRAPHS.find((s) => s.definition.name === name)!) ?? []) {
        const target = SUBGRAPHS.find((s) => s.definition.name === follower)!;
        expect({ follower, url: env()[`${envName(follower)}_SERVICE_URL`] }).toEqual({ follower, url: urlOf(follower, target.port) });
      }
      for (const peer of peersAskedBy(name)) {
        const target = SUBGRAPHS.find((s) => s.definition.name === peer);
        expect({ peer, known: target !== undefined }).toEqual({ peer, known: true });
        expect(env()[`${envName(peer)}_SERVICE_URL`]).toBe(urlOf(peer, target!.port));
      }
    });
  });

  it('reads which variables are required from the declarations (the check above is not vacuous)', () => {
    expect(required(SUBGRAPH_ENV).sort()).toEqual(['AUDIT_CHAIN_KEY', 'AUDIT_SIGNING_KEY', 'MONGODB_URI', 'SERVICE_TOKEN_KEY', 'TRUSTED_ISSUERS']);
    expect(erasureFollowersFor(SUBGRAPHS[0])).toEqual(['proceedings', 'shelters', 'legal-aid']);
    const own = (name: string) => required(SUBGRAPHS.find((s) => s.definition.name === name)!.definition.env as EnvShape);
    expect(own('victims')).toEqual(['IDENTITY_HASH_KEY']);
    expect(own('proceedings').sort()).toEqual(['CUSTODY_CHAIN_KEY', 'DELIVERY_CHAIN_KEY']);
    expect(own('training')).toEqual(['ACCREDITATION_KEY_DIR']);
  });

  it('finds the peers legal aid asks (the source scan works)', () => {
    expect([...peersAskedBy('legal-aid')]).toEqual(['proceedings', 'victims']);
  });

  it('points the gateway at every subgraph and starts it once all are healthy', () => {
    const gateway = services.gateway;
    expect(gateway.command).toEqual(['node', 'dist/gateway/main.js']);
    expect(gateway.environment?.PORT).toBe('4000');
    // Hub services' own tokens are refused at the gateway because it does not hold their key.
    expect(gateway.environment?.SERVICE_TOKEN_KEY).toBeUndefined();
    for (const variable of required(GATEWAY_ENV)) expect({ variable, set: Boolean(gateway.environment?.[variable]) }).toEqual({ variable, set: true });
    for (const { port, definition } of SUBGRAPHS) {
      expect({ variable: `${envName(definition.name)}_URL`, value: gateway.environment?.[`${envName(definition.name)}_URL`] }).toEqual({
        variable: `${envName(definition.name)}_URL`,
        value: urlOf(definition.name, port),
      });
      expect({ dependency: definition.name, ...dependencies(gateway)[definition.name] }).toEqual({ dependency: definition.name, condition: 'service_healthy' });
    }
  });

  it('declares every named volume it mounts', () => {
    for (const [name, s] of Object.entries(services)) {
      for (const { source } of mounts(s)) {
        if (/^[\w-]+$/.test(source)) expect({ name, source, declared: source in (compose.volumes ?? {}) }).toEqual({ name, source, declared: true });
      }
    }
  });
});

describe('the router profile', () => {
  const router = () => services.router;

  it('is the only profile, so `docker compose up` starts everything else and never the router', () => {
    expect(withProfile.map(([name, s]) => [name, s.profiles])).toEqual([['router', [ROUTER_PROFILE]]]);
    expect(byDefault.map(([name]) => name)).not.toContain('router');
  });

  it('serves the committed supergraph with the config in deploy/router.yaml', () => {
    const targets = Object.fromEntries(mounts(router()).map((m) => [m.source, m.target]));
    expect(targets['./schema/supergraph.graphql']).toBe('/dist/schema/supergraph.graphql');
    expect(targets['./deploy/router.yaml']).toBe('/dist/config/router.yaml');
    expect(router().command).toEqual(['--config', '/dist/config/router.yaml', '--supergraph', '/dist/schema/supergraph.graphql']);
  });

  it('starts once every subgraph is healthy', () => {
    for (const { definition } of SUBGRAPHS) expect({ dependency: definition.name, ...dependencies(router())[definition.name] }).toEqual({ dependency: definition.name, condition: 'service_healthy' });
  });

  it('has a config that listens where compose publishes it and checks its own health', () => {
    expect(routerConfig.supergraph).toMatchObject({ listen: '0.0.0.0:4000', path: '/graphql', introspection: false });
    expect(routerConfig.health_check).toMatchObject({ enabled: true });
    const [, healthPort] = /:(\d+)$/.exec(String(routerConfig.health_check.listen))!;
    expect(JSON.stringify(router().healthcheck?.test)).toContain(`/dev/tcp/127.0.0.1/${healthPort}`);
  });

  it('propagates the caller’s token, purpose and request id to every subgraph', () => {
    const propagated = (routerConfig.headers?.all?.request ?? []).map((rule: any) => rule.propagate?.named?.toLowerCase()).filter(Boolean);
    expect(propagated).toEqual(expect.arrayContaining(['authorization', 'x-purpose', 'x-request-id']));
  });

  it('sends every request to the subgraph that decides and audits it: no deduplication, no response cache', () => {
    // The router guarantee (docs/deployment.md); the gateway's own is test/router-guarantee.test.ts.
    expect(routerConfig.traffic_shaping?.all?.deduplicate_query).toBe(false);
    for (const [name, rules] of Object.entries<any>(routerConfig.traffic_shaping?.subgraphs ?? {})) expect({ name, deduplicate_query: rules?.deduplicate_query ?? false }).toEqual({ name, deduplicate_query: false });
    for (const cache of ['preview_entity_cache', 'response_cache', 'preview_response_cache']) expect({ cache, enabled: cache in routerConfig && routerConfig[cache]?.enabled !== false }).toEqual({ cache, enabled: false });
  });

  it('sends each subgraph of the supergraph to its compose service', () => {
    const composed = [...read('schema/supergraph.graphql').matchAll(/@join__graph\(name: "([^"]+)"/g)].map((m) => m[1]).sort();
    expect(composed).toEqual(SUBGRAPHS.map((s) => s.definition.name).sort());
    expect(routerConfig.override_subgraph_url).toEqual(Object.fromEntries(SUBGRAPHS.map(({ port, definition }) => [definition.name, urlOf(definition.name, port)])));
  });
});
