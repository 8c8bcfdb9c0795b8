import { createDutyAcceptHandover } from './duty/accept-handover';
import { createDutyHandover } from './duty/handover';
import { createDutyLog } from './duty/log';
import { createEntityDelete } from './entity/delete';
import { createEntityUpsert } from './entity/upsert';
import { createIncidentActivateResponse } from './incident/activate-response';
import { createIncidentChangeLevel } from './incident/change-level';
import { createIncidentClose } from './incident/close';
import { createIncidentDismiss } from './incident/dismiss';
import { createIncidentNote } from './incident/note';
import { createIncidentReport } from './incident/report';
import { createIncidentReportUpward } from './incident/report-upward';
import { createIncidentResume } from './incident/resume';
import { createIncidentSuspend } from './incident/suspend';
import { createIncidentTerminate } from './incident/terminate';
import { createIncidentUpdate } from './incident/update';
import { createIncidentVerify } from './incident/verify';
import { createLinkageCancel } from './linkage/cancel';
import { createLinkageComplete } from './linkage/complete';
import { createLinkageDecline } from './linkage/decline';
import { createLinkageDeliver } from './linkage/deliver';
import { createLinkageFeedback } from './linkage/feedback';
import { createLinkageReassign } from './linkage/reassign';
import { createLinkageSend } from './linkage/send';
import { createLinkageSign } from './linkage/sign';
import { createTeamPosition } from './team/position';
import { createTeamStatus } from './team/status';
import type { CommandDeps, CommandHandlers } from './types';

/** One handler per command type; adding a command type to src-common without one fails to compile. */
export function createCommandHandlers(deps: CommandDeps): CommandHandlers {
  return {
    'incident.report': createIncidentReport(deps),
    'incident.update': createIncidentUpdate(deps),
    'incident.note': createIncidentNote(deps),
    'incident.verify': createIncidentVerify(deps),
    'incident.activateResponse': createIncidentActivateResponse(deps),
    'incident.changeLevel': createIncidentChangeLevel(deps),
    'incident.suspend': createIncidentSuspend(deps),
    'incident.resume': createIncidentResume(deps),
    'incident.terminate': createIncidentTerminate(deps),
    'incident.close': createIncidentClose(deps),
    'incident.dismiss': createIncidentDismiss(deps),
    'incident.reportUpward': createIncidentReportUpward(deps),
    'duty.log': createDutyLog(deps),
    'duty.handover': createDutyHandover(deps),
    'duty.acceptHandover': createDutyAcceptHandover(deps),
    'linkage.send': createLinkageSend(deps),
    'linkage.deliver': createLinkageDeliver(deps),
    'linkage.sign': createLinkageSign(deps),
    'linkage.feedback': createLinkageFeedback(deps),
    'linkage.complete': createLinkageComplete(deps),
    'linkage.decline': createLinkageDecline(deps),
    'linkage.cancel': createLinkageCancel(deps),
    'linkage.reassign': createLinkageReassign(deps),
    'team.status': createTeamStatus(deps),
    'team.position': createTeamPosition(deps),
    'entity.upsert': createEntityUpsert(deps),
    'entity.delete': createEntityDelete(deps),
  };
}
