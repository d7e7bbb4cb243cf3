// `ng build` without the Angular CLI's 200-odd packages: the same builder (`@angular/build:application`, AOT,
// strict templates from tsconfig.json), run the way the CLI runs it, through the architect and angular.json.
import { Architect } from '@angular-devkit/architect';
import { WorkspaceNodeModulesArchitectHost } from '@angular-devkit/architect/node/index.js';
import { logging, schema, workspaces } from '@angular-devkit/core';
import { NodeJsSyncHost } from '@angular-devkit/core/node/index.js';

const root = process.cwd();
const { workspace } = await workspaces.readWorkspace(root, workspaces.createWorkspaceHost(new NodeJsSyncHost()));
const registry = new schema.CoreSchemaRegistry();
registry.addPostTransform(schema.transforms.addUndefinedDefaults);
const architect = new Architect(new WorkspaceNodeModulesArchitectHost(workspace, root), registry);

const logger = new logging.Logger('build');
logger.subscribe(({ level, message }) =>
  (level === 'error' || level === 'fatal' ? console.error : console.log)(message),
);
const run = await architect.scheduleTarget({ project: 'app', target: 'build' }, {}, { logger });
const { success } = await run.lastOutput;
await run.stop();
process.exit(success ? 0 : 1);
