import 'cobrowse-widget/define.js';
import { bootstrapApplication } from '@angular/platform-browser';
import { HelpComponent } from './app/help.component';

bootstrapApplication(HelpComponent).catch((error: unknown) => console.error(error));
