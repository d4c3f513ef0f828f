import { Global, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { HubScheduler } from './scheduler.service';

@Global()
@Module({ imports: [ScheduleModule.forRoot()], providers: [HubScheduler], exports: [HubScheduler] })
export class SchedulerModule {}
