package org.alliancechain.contracts.recommend;

import org.alliancechain.contracts.sharing.ResourceType;

/** What the recommender needs to know about one incoming request. */
public record InboxItem(
    String requestId, ResourceType type, String requester, long reward, long deadlineSeconds) {}
