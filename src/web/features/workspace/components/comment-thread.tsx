import { useQueryClient } from '@tanstack/react-query';
import { CommentList } from '../../../components/comment-list.tsx';
import { keys, workspaceApi } from '../api.ts';

/** The discussion on one item: read by all who see the worksheet, written by those who may comment. */
export function CommentThread({
  assessmentId,
  code,
  canComment,
}: {
  assessmentId: string;
  code: string;
  canComment: boolean;
}) {
  const client = useQueryClient();
  return (
    <CommentList
      queryKey={keys.comments(assessmentId, code)}
      load={() => workspaceApi.comments(assessmentId, code)}
      add={(body) => workspaceApi.addComment(assessmentId, code, body)}
      onAdded={async () => {
        await client.invalidateQueries({ queryKey: keys.comments(assessmentId, code) });
        await client.invalidateQueries({ queryKey: keys.worksheet(assessmentId) });
      }}
      canComment={canComment}
      labels={{ none: 'ws.comments.none', new: 'ws.comments.new', send: 'ws.comments.send' }}
    />
  );
}
