import { useQueryClient } from '@tanstack/react-query';
import { CommentList } from '../../../components/comment-list.tsx';
import { planKeys, plansApi } from '../api.ts';

/** The input on one activity: everyone of the unit may give it (staff through their employee record). */
export function CommentsPanel({
  activityId,
  canComment,
  asEmployee,
  onAdded,
}: {
  activityId: string;
  canComment: boolean;
  asEmployee: boolean;
  onAdded?: () => void | Promise<void>;
}) {
  const client = useQueryClient();
  return (
    <CommentList
      queryKey={planKeys.comments(activityId)}
      load={() => plansApi.comments(activityId, asEmployee)}
      add={(body) => plansApi.addComment(activityId, body, asEmployee)}
      onAdded={async () => {
        await client.invalidateQueries({ queryKey: planKeys.comments(activityId) });
        await onAdded?.();
      }}
      canComment={canComment}
      labels={{
        none: 'actionPlans.comments.none',
        new: 'actionPlans.comments.new',
        send: 'actionPlans.comments.send',
      }}
    />
  );
}
