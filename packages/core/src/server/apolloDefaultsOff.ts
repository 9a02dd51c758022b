import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';

/**
 * Apollo Server's defaults the hub refuses, for the gateway and every service alike:
 * - usage and schema reporting: nothing leaves for Apollo, whatever APOLLO_KEY or
 *   APOLLO_SCHEMA_REPORTING a deployment's environment holds;
 * - the landing page: Apollo's loads its scripts from Apollo's CDN (in production too);
 * - inline traces: they would carry timings and paths to anyone who asked for them;
 * - cache hints: nothing the hub answers may be cached (every answer is `no-store`), and working
 *   them out has Apollo wrap and time every field of every request.
 */
export function apolloDefaultsOff(): ApolloServerPlugin<BaseContext>[] {
  return [
    ApolloServerPluginUsageReportingDisabled(),
    ApolloServerPluginSchemaReportingDisabled(),
    ApolloServerPluginLandingPageDisabled(),
    ApolloServerPluginInlineTraceDisabled(),
    ApolloServerPluginCacheControlDisabled(),
  ];
}
