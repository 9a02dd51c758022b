// The deployables: each one's package folder, its entry points (src/<entry>.ts → dist/<entry>.js),
// and the variable of its port with its default (as in the README's configuration table).
export const DEPLOYABLES = {
  gateway: { dir: 'gateway', entries: ['index'], portVariable: 'PORT', defaultPort: 4000 },
  consent: { dir: 'consent', entries: ['index', 'migrate'], portVariable: 'CONSENT_PORT', defaultPort: 4105 },
  'case-registry': { dir: 'subgraphs/case-registry', entries: ['index', 'migrate'], portVariable: 'CASE_REGISTRY_PORT', defaultPort: 4101 },
  'immigration-office': { dir: 'subgraphs/immigration-office', entries: ['index', 'migrate'], portVariable: 'IMMIGRATION_OFFICE_PORT', defaultPort: 4102 },
  jobcenter: { dir: 'subgraphs/jobcenter', entries: ['index', 'migrate'], portVariable: 'JOBCENTER_PORT', defaultPort: 4103 },
  welfare: { dir: 'subgraphs/welfare', entries: ['index', 'migrate'], portVariable: 'WELFARE_PORT', defaultPort: 4104 },
};
