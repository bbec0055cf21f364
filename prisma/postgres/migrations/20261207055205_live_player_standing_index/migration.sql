-- CreateIndex
CREATE INDEX "GamePlayer_gameId_score_correct_rightMs_joinedAt_removedAt_idx" ON "GamePlayer"("gameId", "score", "correct", "rightMs", "joinedAt", "removedAt");
